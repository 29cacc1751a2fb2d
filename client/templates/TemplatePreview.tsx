/** A small schematic drawing of a template: frames with their names, cards as blocks. */
import { useEffect, useState } from 'react'
import type { TemplateSummary } from '../../shared/api.ts'
import { useI18n } from '../app/i18n-context.tsx'
import { CARD_FILLS, fitLabel, templatePreview, type TemplatePreviewModel } from './template-preview.ts'
import { getTemplate } from './templates-api.ts'

/** Drawn this wide (CSS may scale it); label sizes are in these pixels. */
const WIDTH = 320
const HEIGHT = 150
const LABEL_PX = 10

export function TemplatePreview({ template }: { template: TemplateSummary }) {
  const { t } = useI18n()
  const [model, setModel] = useState<TemplatePreviewModel | null | 'failed'>(null)

  useEffect(() => {
    let live = true
    void getTemplate(template.id).then((result) => {
      if (live) setModel(result.ok ? templatePreview(result.value.records) : 'failed')
    })
    return () => {
      live = false
    }
  }, [template.id])

  if (model === 'failed') return null
  if (!model) {
    return (
      <div className="template-preview template-preview--loading" aria-hidden="true">
        <span className="visually-hidden">{t('picker.previewLoading')}</span>
      </div>
    )
  }

  const { view } = model
  // Fit the whole board in the box, centred; one SVG unit is `scale` pixels.
  const scale = Math.min(WIDTH / view.w, HEIGHT / view.h)
  const offsetX = (WIDTH - view.w * scale) / 2
  const offsetY = (HEIGHT - view.h * scale) / 2
  const px = (x: number) => (x - view.x) * scale + offsetX
  const py = (y: number) => (y - view.y) * scale + offsetY
  const topFrames = model.frames.filter((frame) => frame.depth === 0)
  const label =
    model.frames.length === 0
      ? t('picker.previewEmpty', { title: template.title })
      : t('picker.previewLabel', { title: template.title, parts: topFrames.map((frame) => frame.name).join(', ') })

  return (
    <svg className="template-preview" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} data-testid={`template-preview-${template.id}`}>
      <rect x={0} y={0} width={WIDTH} height={HEIGHT} className="template-preview__paper" />
      {model.frames.map((frame) => {
        const x = px(frame.x)
        const y = py(frame.y)
        const w = frame.w * scale
        const h = frame.h * scale
        const name = fitLabel(frame.name, w - 4, LABEL_PX)
        return (
          <g key={frame.id} className={`template-preview__frame template-preview__frame--depth-${Math.min(frame.depth, 1)}`}>
            <rect x={x} y={y} width={w} height={h} rx={1.5} />
            {name && frame.depth === 0 && h > LABEL_PX + 4 && (
              <text x={x + 3} y={y + LABEL_PX + 1} fontSize={LABEL_PX}>
                {name}
              </text>
            )}
          </g>
        )
      })}
      {model.cards.map((card) => (
        <rect
          key={card.id}
          x={px(card.x)}
          y={py(card.y)}
          width={Math.max(2, card.w * scale)}
          height={Math.max(2, card.h * scale)}
          fill={CARD_FILLS[card.color] ?? CARD_FILLS.yellow}
          className="template-preview__card"
        />
      ))}
    </svg>
  )
}
