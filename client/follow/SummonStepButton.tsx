/** "Breng iedereen hier" next to a step of the Stappen panel (facilitator): everyone to that frame, once. */
import type { TLShapeId } from 'tldraw'
import { useI18n } from '../app/i18n-context.tsx'
import { useFollow } from './FollowContext.tsx'
import './follow.css'

export function SummonStepButton({ stepId, name, zone }: { stepId: string; name: string; zone: string }) {
  const { t } = useI18n()
  const follow = useFollow()
  if (!follow?.facilitator) return null
  const summon = () => {
    const id = stepId as TLShapeId
    const pageId = follow.editor.getAncestorPageId(id)
    const box = follow.editor.getShapePageBounds(id)
    if (!pageId || !box) return
    void follow.summon({ pageId, bounds: { x: box.x, y: box.y, w: box.w, h: box.h } })
  }
  return (
    <button type="button" className="button button--small button--quiet steps__summon" data-testid={`step-summon-${zone}`} aria-label={t('follow.summonStepLabel', { name })} onClick={summon}>
      {t('follow.summonStep')}
    </button>
  )
}
