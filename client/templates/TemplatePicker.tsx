/**
 * The template choice on the home page: one card per template (title, description, a sketch of
 * the board) as native radio buttons, so arrow keys, labels and forms work as people expect.
 */
import { lazy, Suspense, useId } from 'react'
import type { TemplateSummary } from '../../shared/api.ts'
import { useI18n } from '../app/i18n-context.tsx'
import './templates.css'

// The sketches read records with the board's geometry (and tldraw's schema): loaded after the
// page, so the start page itself stays light.
const TemplatePreview = lazy(() => import('./TemplatePreview.tsx').then((module) => ({ default: module.TemplatePreview })))

export function TemplatePicker({ templates, value, onChange }: { templates: TemplateSummary[] | null; value: string; onChange(id: string): void }) {
  const { t } = useI18n()
  const name = useId()
  return (
    <fieldset className="template-picker" data-testid="create-board-template" data-value={value}>
      <legend>{t('picker.legend')}</legend>
      {!templates && <p className="muted">{t('picker.loading')}</p>}
      {templates?.length === 0 && <p className="muted">{t('picker.failed')}</p>}
      {templates && templates.length > 0 && (
        <div className="template-picker__grid">
          {templates.map((template) => {
            const id = `${name}-${template.id}`
            return (
              <label key={template.id} className="template-option" htmlFor={id} data-testid={`template-option-${template.id}`}>
                <input
                  id={id}
                  className="template-option__radio"
                  type="radio"
                  name={name}
                  value={template.id}
                  checked={value === template.id}
                  onChange={() => onChange(template.id)}
                  aria-labelledby={`${id}-title`}
                  aria-describedby={`${id}-description`}
                />
                <span id={`${id}-title`} className="template-option__title">
                  {template.title}
                  {template.custom && <span className="template-option__tag">{t('picker.custom')}</span>}
                </span>
                <span id={`${id}-description`} className="template-option__description">
                  {template.description}
                </span>
                <Suspense fallback={<span className="template-preview template-preview--loading" aria-hidden="true" />}>
                  <TemplatePreview template={template} />
                </Suspense>
              </label>
            )
          })}
        </div>
      )}
    </fieldset>
  )
}
