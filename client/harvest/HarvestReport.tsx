/**
 * The harvest model (shared/harvest-model.ts, GET /api/boards/:id/harvest.json) as the Oogst view
 * shows it: the same structure as report.md (title, a section per zone, the votes, the agenda as
 * it ran), rendered by React from plain text, so nothing typed on the board is ever read as markup.
 * Headings start at h3: the report sits under the panel's own headings.
 */
import type { ReactNode } from 'react'
import { harvestDate, harvestDateTime, harvestDay, harvestTime } from '../../shared/harvest-dates.ts'
import type { HarvestAgendaEntry, HarvestAgreement, HarvestCard, HarvestModel, HarvestSection, HarvestVote } from '../../shared/harvest-model.ts'
import type { Lang, Translate } from '../i18n.ts'

interface Props {
  model: HarvestModel
  t: Translate
  lang: Lang
  /** What follows an agreement's Wanneer (its "Zet in agenda" button), if anything. */
  agreementAction?: ((row: HarvestAgreement) => ReactNode) | undefined
}

export function HarvestReport({ model, t, lang, agreementAction }: Props) {
  const dates = formats(lang)
  return (
    <>
      <h3>{model.title}</h3>
      <p>
        {[t('harvest.date', { date: dates.date(model.createdAt) }), ...(model.template ? [t('harvest.template', { title: model.template.title })] : [])].join(' · ')}
      </p>
      {model.generatedAt && <p>{t('harvest.generated', { time: dates.dateTime(model.generatedAt) })}</p>}
      {model.followUp && <p className="harvest__follow-up">{t('harvest.followUp', { date: dates.day(model.followUp.date) })}</p>}
      {model.sections.map((section, i) => (
        <section key={i} className="harvest__section">
          <h4>{section.name}</h4>
          <SectionBody section={section} t={t} agreementAction={agreementAction} />
        </section>
      ))}
      {model.votes.length > 0 && <Votes votes={model.votes} t={t} dates={dates} />}
      {model.agenda.length > 0 && <Agenda run={model.agenda} t={t} dates={dates} />}
    </>
  )
}

function SectionBody({ section, t, agreementAction }: { section: HarvestSection; t: Translate; agreementAction: Props['agreementAction'] }): ReactNode {
  const empty = <p className="harvest__empty">{t('harvest.empty')}</p>
  switch (section.kind) {
    case 'list':
      if (section.items.length === 0) return empty
      return (
        <ul>
          {section.items.map((item, i) => (
            <Card key={i} card={item} t={t} />
          ))}
        </ul>
      )
    case 'timeline':
      if (section.moments.length === 0 && section.loose.length === 0) return empty
      return (
        <>
          {section.moments.length > 0 && (
            <ol>
              {section.moments.map((moment, i) => (
                <li key={i}>
                  {moment.date && <strong>{moment.date}</strong>}
                  {moment.date && ': '}
                  {oneLine(moment.text) || '…'}
                  {dotsText(moment.dots)}
                  {moment.duidingen.length > 0 && (
                    <ul>
                      {moment.duidingen.map((duiding, j) => (
                        <Card key={j} card={duiding} t={t} />
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          )}
          {section.loose.length > 0 && (
            <>
              <p>{t('harvest.loose')}</p>
              <ul>
                {section.loose.map((duiding, i) => (
                  <Card key={i} card={duiding} t={t} />
                ))}
              </ul>
            </>
          )}
        </>
      )
    case 'agreements':
      if (section.rows.length === 0) return empty
      return (
        <Table
          header={[t('card.wie'), t('card.wat'), t('card.wanneer'), t('card.hoe')]}
          rows={section.rows.map((row) => [
            lines(row.wie),
            <>
              {lines(row.wat)}
              {dotsText(row.dots)}
            </>,
            <>
              {lines(row.wanneer)}
              {agreementAction?.(row)}
            </>,
            lines(row.hoe),
          ])}
        />
      )
  }
}

function Card({ card, t }: { card: HarvestCard; t: Translate }) {
  if (card.checked === undefined)
    return (
      <li>
        {oneLine(card.text)}
        {dotsText(card.dots)}
      </li>
    )
  return (
    <li className="md-task">
      <span className="md-task__box" aria-hidden="true">
        {card.checked ? '☑' : '☐'}
      </span>
      <span className="visually-hidden">{`${card.checked ? t('harvest.taskDone') : t('harvest.taskOpen')}: `}</span>
      {oneLine(card.text)}
      {dotsText(card.dots)}
    </li>
  )
}

function Votes({ votes, t, dates }: { votes: readonly HarvestVote[]; t: Translate; dates: Formats }) {
  return (
    <section className="harvest__section">
      <h4>{t('harvest.votes')}</h4>
      {votes.map((vote, i) => {
        const time = dates.dateTime(vote.closedAt)
        const facts = [t(vote.perParticipant === 1 ? 'harvest.dotsOne' : 'harvest.dotsMany', { n: String(vote.perParticipant) })]
        if (vote.zoneName !== null) facts.push(t('harvest.voteZone', { name: oneLine(vote.zoneName) }))
        facts.push(t(vote.voters === 1 ? 'harvest.votersOne' : 'harvest.votersMany', { n: String(vote.voters) }))
        return (
          <div key={i}>
            <h5>{votes.length > 1 ? t('harvest.voteNumber', { n: String(i + 1), time }) : t('harvest.vote', { time })}</h5>
            <p>{facts.join(' · ')}</p>
            {vote.results.length === 0 ? (
              <p>
                <em>{t('harvest.noDots')}</em>
              </p>
            ) : (
              <ol>
                {vote.results.map((result, j) => (
                  <li key={j}>
                    {result.text === null ? <em>{t('harvest.cardGone')}</em> : oneLine(result.text)}
                    {dotsText(result.dots)}
                  </li>
                ))}
              </ol>
            )}
          </div>
        )
      })}
    </section>
  )
}

function Agenda({ run, t, dates }: { run: readonly HarvestAgendaEntry[]; t: Translate; dates: Formats }) {
  const days = new Set(run.map((entry) => dates.date(entry.startedAt)))
  const oneDay = days.size === 1
  return (
    <section className="harvest__section">
      <h4>{t('harvest.agenda')}</h4>
      {oneDay && <p>{t('harvest.agendaDay', { date: [...days][0]! })}</p>}
      <Table
        header={[t('harvest.step'), t('harvest.start'), t('harvest.duration'), t('harvest.planned')]}
        rows={run.map((entry) => {
          const minutes = entry.endedAt === null ? null : Math.max(0, Math.round((Date.parse(entry.endedAt) - Date.parse(entry.startedAt)) / 60_000))
          return [
            oneLine(entry.name),
            oneDay ? dates.time(entry.startedAt) : dates.dateTime(entry.startedAt),
            minutes === null ? t('harvest.running') : t('harvest.minutes', { n: String(minutes) }),
            entry.plannedMinutes === null ? '–' : t('harvest.minutes', { n: String(entry.plannedMinutes) }),
          ]
        })}
      />
    </section>
  )
}

function Table({ header, rows }: { header: string[]; rows: ReactNode[][] }) {
  return (
    <div className="md-table">
      <table>
        <thead>
          <tr>
            {header.map((cell, i) => (
              <th key={i} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <td key={c}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** " (● 5)" after a card that got dots in the latest closed vote. */
function dotsText(dots: number | null): string {
  return dots ? ` (● ${dots})` : ''
}

/** A card's lines joined with spaces, as one list line (what report.md shows too). */
function oneLine(text: string): string {
  return text
    .split(/[\r\n\u2028\u2029]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ')
}

/** A table cell keeps the card's line breaks. */
function lines(text: string): ReactNode {
  const parts = text
    .split(/[\r\n\u2028\u2029]+/)
    .map((part) => part.trim())
    .filter(Boolean)
  return parts.map((part, i) => (
    <span key={i}>
      {i > 0 && <br />}
      {part}
    </span>
  ))
}

interface Formats {
  date(iso: string): string
  dateTime(iso: string): string
  time(iso: string): string
  /** A calendar day (YYYY-MM-DD), not a moment: no time zone shift. */
  day(isoDay: string): string
}

/** The shared harvest formatters (Amsterdam time, as report.md, .docx and .pdf) in the reader's language. */
function formats(lang: Lang): Formats {
  return {
    date: (iso) => harvestDate(iso, lang),
    time: (iso) => harvestTime(iso, lang),
    dateTime: (iso) => harvestDateTime(iso, lang),
    day: (isoDay) => harvestDay(isoDay, lang),
  }
}
