/**
 * "Stappen": the board's parts in template order. A click moves only your own camera there, at
 * a zoom where cards can be read (a step wider than the screen, like the timeline, is shown in
 * parts with "Volgende deel"), into the part of the canvas tldraw's panels leave free.
 * Facilitators also lock or unlock the scaffolding, keep the board's layout as a template, run a
 * silent round and reveal their prepared cards one by one.
 */
import { useId, useMemo, useState } from 'react'
import { useValue, type Editor, type TLShape, type TLShapeId } from 'tldraw'
import { hasRole } from '../../shared/roles.ts'
import { useI18n } from '../app/i18n-context.tsx'
import { freeViewportArea, planParts, READABLE_ZOOM, showOverview, showRect, STEP_MAX_ZOOM, WHOLE_STEP_SLACK, type PartsPlan } from '../board/camera.ts'
import type { PanelProps } from '../board/panels.tsx'
import { SummonStepButton } from '../follow/SummonStepButton.tsx'
import { AgendaSummary, StepAgenda } from '../session/StepAgenda.tsx'
import { PreparedList } from './PreparedList.tsx'
import { SaveTemplateForm } from './SaveTemplateForm.tsx'
import { SilentRoundControls } from './SilentRoundControls.tsx'
import { boardSteps, type Step } from './steps.ts'
import './steps.css'

/** The step you were sent to, shown in parts when it is too wide or tall to read at once. */
interface StepView extends PartsPlan {
  stepId: string
  index: number
}

export function StepsPanel({ board, token, editor }: PanelProps) {
  const { t } = useI18n()
  const facilitator = hasRole(board.role, 'facilitator')
  const headingId = useId()
  return (
    <div className="steps" data-testid="steps-panel">
      <p className="steps__intro muted">{t('steps.intro')}</p>
      {editor ? <StepList editor={editor} /> : <p className="muted">{t('board.loading')}</p>}
      {facilitator && <PreparedList />}
      {facilitator && <SilentRoundControls />}
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
  const [view, setView] = useState<StepView | null>(null)

  const showPart = (plan: PartsPlan, index: number) => showRect(editor, plan.parts[index]!, plan.zoom, freeViewportArea(editor), true)

  const goTo = (step: Step) => {
    const id = step.id as TLShapeId
    const page = editor.getAncestorPageId(id)
    if (page && page !== editor.getCurrentPageId()) editor.setCurrentPage(page)
    const bounds = editor.getShapePageBounds(id)
    if (!bounds) return
    const plan = planParts(bounds, freeViewportArea(editor), { minZoom: READABLE_ZOOM, maxZoom: STEP_MAX_ZOOM, slack: WHOLE_STEP_SLACK })
    showPart(plan, 0)
    setView({ ...plan, stepId: step.id, index: 0 })
  }
  const goToPart = (index: number) => {
    if (!view) return
    showPart(view, index)
    setView({ ...view, index })
  }
  const parts = view && view.parts.length > 1 ? { view, onGoToPart: goToPart } : null

  return (
    <>
      <AgendaSummary steps={steps} />
      {steps.length === 0 ? (
        <p className="muted">{t('steps.empty')}</p>
      ) : (
        <ol className="steps__list" aria-label={t('steps.list')}>
          {steps
            .filter((step) => !step.parentId || !steps.some((other) => other.id === step.parentId))
            .map((step) => (
              <StepItem key={step.id} step={step} steps={steps} current={current} onGoTo={goTo} parts={parts} />
            ))}
        </ol>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button--small"
          data-testid="steps-show-all"
          onClick={() => {
            setView(null)
            // Asked for, "everything" on a board without frames is all its cards.
            if (!showOverview(editor, true)) editor.zoomToFit({ animation: { duration: 300 } })
          }}
        >
          {t('steps.showAll')}
        </button>
      </div>
    </>
  )
}

interface PartsNavigation {
  view: StepView
  onGoToPart(index: number): void
}

/** One step, with the steps inside it as a nested list. */
function StepItem(props: { step: Step; steps: readonly Step[]; current: string | null; onGoTo(step: Step): void; parts: PartsNavigation | null }) {
  const { step, steps, current, onGoTo, parts } = props
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
      <StepAgenda step={step} />
      <SummonStepButton stepId={step.id} name={step.label} zone={step.zone} />
      {parts?.view.stepId === step.id && <StepParts step={step} parts={parts} />}
      {children.length > 0 && (
        <ol className="steps__list steps__list--nested">
          {children.map((child) => (
            <StepItem key={child.id} step={child} steps={steps} current={current} onGoTo={onGoTo} parts={parts} />
          ))}
        </ol>
      )}
    </li>
  )
}

/**
 * "Deel 2 van 4" with the previous and next part, under the step being shown. aria-disabled, not
 * disabled: a disabled button drops the keyboard focus of someone pressing it to the end.
 */
function StepParts({ step, parts: { view, onGoToPart } }: { step: Step; parts: PartsNavigation }) {
  const { t } = useI18n()
  const { index } = view
  const total = view.parts.length
  return (
    <div className="steps__parts" role="group" aria-label={t('steps.partsOf', { name: step.label })} data-testid="step-parts">
      <button
        type="button"
        className="button button--small"
        data-testid="step-part-previous"
        aria-label={t('steps.previousPart')}
        aria-disabled={index === 0}
        onClick={() => index > 0 && onGoToPart(index - 1)}
      >
        {t('steps.previous')}
      </button>
      <span className="steps__part" role="status" data-testid="step-part">
        {t('steps.part', { n: String(index + 1), total: String(total) })}
      </span>
      <button
        type="button"
        className="button button--small"
        data-testid="step-part-next"
        aria-label={t('steps.nextPart')}
        aria-disabled={index === total - 1}
        onClick={() => index < total - 1 && onGoToPart(index + 1)}
      >
        {t('steps.next')}
      </button>
    </div>
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
