/**
 * "Stappen": the board's parts in template order. A click moves only your own camera there.
 * Facilitators also lock or unlock the scaffolding and keep the board's layout as a template.
 */
import { useId, useMemo } from 'react'
import { useValue, type Editor, type TLShape, type TLShapeId } from 'tldraw'
import { hasRole } from '../../shared/roles.ts'
import { useI18n } from '../app/i18n-context.tsx'
import type { PanelProps } from '../board/panels.tsx'
import { SaveTemplateForm } from './SaveTemplateForm.tsx'
import { boardSteps, type Step } from './steps.ts'
import './steps.css'

const ANIMATION = { duration: 300 }

export function StepsPanel({ board, token, editor }: PanelProps) {
  const { t } = useI18n()
  const facilitator = hasRole(board.role, 'facilitator')
  const headingId = useId()
  return (
    <div className="steps" data-testid="steps-panel">
      <p className="steps__intro muted">{t('steps.intro')}</p>
      {editor ? <StepList editor={editor} /> : <p className="muted">{t('board.loading')}</p>}
      {facilitator && (
        <section className="steps__section" aria-labelledby={headingId}>
          <h3 id={headingId}>{t('steps.facilitator')}</h3>
          {editor && <ScaffoldLock editor={editor} />}
          <SaveTemplateForm board={board} token={token} />
        </section>
      )}
    </div>
  )
}

function StepList({ editor }: { editor: Editor }) {
  const { t } = useI18n()
  // A string, so the list re-renders only when a step changes, not on every edit of the board.
  const key = useValue('board steps', () => JSON.stringify(boardSteps([...editor.getPages(), ...allShapes(editor)])), [editor])
  const steps = useMemo(() => JSON.parse(key) as Step[], [key])
  const current = useValue('step in view', () => stepInView(editor, steps), [editor, steps])

  const goTo = (step: Step) => {
    const id = step.id as TLShapeId
    const page = editor.getAncestorPageId(id)
    if (page && page !== editor.getCurrentPageId()) editor.setCurrentPage(page)
    const bounds = editor.getShapePageBounds(id)
    if (bounds) editor.zoomToBounds(bounds, { animation: ANIMATION, inset: 32 })
  }

  return (
    <>
      {steps.length === 0 ? (
        <p className="muted">{t('steps.empty')}</p>
      ) : (
        <ol className="steps__list" aria-label={t('steps.list')}>
          {steps
            .filter((step) => !step.parentId || !steps.some((other) => other.id === step.parentId))
            .map((step) => (
              <StepItem key={step.id} step={step} steps={steps} current={current} onGoTo={goTo} />
            ))}
        </ol>
      )}
      <div className="actions">
        <button type="button" className="button button--small" data-testid="steps-show-all" onClick={() => editor.zoomToFit({ animation: ANIMATION })}>
          {t('steps.showAll')}
        </button>
      </div>
    </>
  )
}

/** One step, with the steps inside it as a nested list. */
function StepItem({ step, steps, current, onGoTo }: { step: Step; steps: readonly Step[]; current: string | null; onGoTo(step: Step): void }) {
  const children = steps.filter((other) => other.parentId === step.id)
  return (
    <li className="steps__item">
      <button
        type="button"
        className={`steps__button${step.parentId ? ' steps__button--nested' : ''}`}
        data-testid={`step-${step.zone}`}
        aria-current={current === step.id ? 'step' : undefined}
        title={step.label !== step.name ? step.name : undefined}
        onClick={() => onGoTo(step)}
      >
        <span className="steps__name">{step.label}</span>
        {step.hint && <span className="steps__hint">{step.hint}</span>}
      </button>
      {children.length > 0 && (
        <ol className="steps__list steps__list--nested">
          {children.map((child) => (
            <StepItem key={child.id} step={child} steps={steps} current={current} onGoTo={onGoTo} />
          ))}
        </ol>
      )}
    </li>
  )
}

function allShapes(editor: Editor): TLShape[] {
  return editor.getPages().flatMap((page) => [...editor.getPageShapeIds(page.id)].map((id) => editor.getShape(id)!))
}

/** The innermost step whose frame holds the middle of your view, if any. */
function stepInView(editor: Editor, steps: readonly Step[]): string | null {
  const centre = editor.getViewportPageBounds().center
  let best: { id: string; area: number } | null = null
  for (const step of steps) {
    const id = step.id as TLShapeId
    if (editor.getAncestorPageId(id) !== editor.getCurrentPageId()) continue
    const bounds = editor.getShapePageBounds(id)
    if (!bounds?.containsPoint(centre)) continue
    const area = bounds.w * bounds.h
    if (!best || area < best.area) best = { id: step.id, area }
  }
  return best?.id ?? null
}

/** Frames and everything a template marked as scaffolding, on every page. */
function scaffolding(editor: Editor): TLShape[] {
  return allShapes(editor).filter((shape) => shape.type === 'frame' || shape.meta.scaffold === true)
}

function ScaffoldLock({ editor }: { editor: Editor }) {
  const { t } = useI18n()
  const hintId = useId()
  const state = useValue(
    'scaffold lock',
    () => {
      const shapes = scaffolding(editor)
      if (shapes.length === 0) return 'none'
      return shapes.some((shape) => shape.isLocked) ? 'locked' : 'unlocked'
    },
    [editor],
  )
  if (state === 'none') return null

  const toggle = () => {
    const lock = state === 'unlocked'
    const shapes = scaffolding(editor)
    const ids = new Set<string>(shapes.map((shape) => shape.id))
    editor.run(
      () => {
        // Locked shapes cannot stay selected (tldraw would keep handles on something that cannot move).
        if (lock) editor.setSelectedShapes(editor.getSelectedShapeIds().filter((id) => !ids.has(id)))
        editor.updateShapes(shapes.map((shape) => ({ id: shape.id, type: shape.type, isLocked: lock })))
      },
      { ignoreShapeLock: true },
    )
  }

  return (
    <div className="steps__lock">
      <button type="button" className="button button--small" data-testid="steps-lock-toggle" aria-describedby={hintId} onClick={toggle}>
        {state === 'locked' ? t('steps.unlock') : t('steps.lock')}
      </button>
      <p id={hintId} className="field__hint" role="status">
        {state === 'locked' ? t('steps.lockedHint') : t('steps.unlockedHint')}
      </p>
    </div>
  )
}
