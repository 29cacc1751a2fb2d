import type { TLRecord, TLShapeId } from '@tldraw/tlschema'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { documentRecords, FIRST_PAGE_ID } from '../../server/initial-document.ts'
import { renderHarvest } from '../../server/report/harvest.ts'
import { findTemplate } from '../../templates/index.ts'
import { indexKey, noteRecord } from '../../templates/shapes.ts'
import { parseInline, parseMarkdown, renderMarkdown } from './markdown.tsx'

const html = (markdown: string) => renderToStaticMarkup(createElement('div', null, renderMarkdown(markdown, { headingOffset: 2, taskLabels: { done: 'gedaan', open: 'open' } })))

describe('parseMarkdown', () => {
  it('reads headings, paragraphs, a numbered list with nested bullets, tasks and a table', () => {
    const blocks = parseMarkdown(
      [
        '# Casus',
        '',
        'Datum: 3 maart · Werkvorm: **Casus**',
        'tweede regel',
        '',
        '## 2 Tijdlijn',
        '',
        '1. **3 maart 2023**: Melding',
        '    - Niemand voelde zich eigenaar',
        '    - Te laat',
        '2. Huisbezoek',
        '',
        '- [x] Opdracht helder',
        '- [ ] Spelregels',
        '',
        '| Wie | Wat |',
        '| --- | --- |',
        '| GGD | Delen<br>elke week |',
        '| a \\| b | _leeg_ |',
      ].join('\n'),
    )
    expect(blocks.map((block) => block.type)).toEqual(['heading', 'paragraph', 'heading', 'list', 'list', 'table'])
    expect(blocks[1]).toEqual({ type: 'paragraph', content: ['Datum: 3 maart · Werkvorm: ', { type: 'strong', children: ['Casus'] }, ' tweede regel'] })
    const timeline = blocks[3]!
    expect(timeline).toMatchObject({ type: 'list', ordered: true, start: 1 })
    if (timeline.type !== 'list') throw new Error('not a list')
    expect(timeline.items).toHaveLength(2)
    expect(timeline.items[0]!.children?.items.map((item) => item.content)).toEqual([['Niemand voelde zich eigenaar'], ['Te laat']])
    expect(timeline.items[1]!.children).toBeNull()
    const tasks = blocks[4]!
    if (tasks.type !== 'list') throw new Error('not a list')
    expect(tasks.items.map((item) => item.checked)).toEqual([true, false])
    expect(blocks[5]).toEqual({
      type: 'table',
      header: [['Wie'], ['Wat']],
      rows: [
        [['GGD'], ['Delen', { type: 'br' }, 'elke week']],
        [['a | b'], [{ type: 'em', children: ['leeg'] }]],
      ],
    })
  })

  it('resolves escapes and entities, and leaves unpaired or intraword markers as text', () => {
    expect(parseInline('\\*\\*niet vet\\*\\* \\_ook niet\\_ \\# \\- \\[x\\]')).toEqual(['**niet vet** _ook niet_ # - [x]'])
    expect(parseInline('a &amp; b &lt;i&gt; &quot;')).toEqual(['a & b <i> &quot;'])
    expect(parseInline('snake_case_naam en **open')).toEqual(['snake_case_naam en **open'])
    expect(parseInline('**vet _en schuin_**')).toEqual([{ type: 'strong', children: ['vet ', { type: 'em', children: ['en schuin'] }] }])
    expect(parseInline('a<br>b')).toEqual(['a<br>b'])
  })

  it('keeps a line that only looks like a list marker after escaping as a paragraph', () => {
    expect(parseMarkdown('1\\. geen lijst\n\\- ook geen')).toEqual([{ type: 'paragraph', content: ['1. geen lijst - ook geen'] }])
  })
})

describe('renderMarkdown', () => {
  it('renders the structure as HTML elements, headings shifted under the panel', () => {
    expect(html('# Titel\n\n## Deel\n\n- een\n- [x] twee\n\n1. a\n    - b')).toBe(
      '<div><h3>Titel</h3><h4>Deel</h4><ul><li>een</li><li class="md-task"><span class="md-task__box" aria-hidden="true">☑</span><span class="visually-hidden">gedaan: </span>twee</li></ul><ol><li>a<ul><li>b</li></ul></li></ol></div>',
    )
  })

  it('keeps HTML, links and images in the text as text', () => {
    const out = html('<img src=x onerror=alert(1)>\n\n- [x](javascript:alert(1))\n- ![a](http://evil/x.png)\n\n| a |\n| --- |\n| <script>x</script><br>y |')
    expect(out).not.toMatch(/<img|<a |<script|href=/)
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(out).toContain('[x](javascript:alert(1))')
    expect(out).toContain('&lt;script&gt;x&lt;/script&gt;<br/>y')
  })

  it('shows what participants typed, exactly, after the harvest escaped it', () => {
    const records: TLRecord[] = documentRecords(findTemplate('casusreconstructie')!)
    const lessen = records.find((r) => r.typeName === 'shape' && r.type === 'frame' && r.meta.zone === 'lessen') as { x: number; y: number }
    const hostile = ['<img src=x onerror=alert(1)>', '[klik](javascript:alert(1))', '**niet vet** & _niet schuin_ | pipe', '1. geen lijst', '# geen kop']
    hostile.forEach((text, i) =>
      records.push(noteRecord({ id: `shape:h${i}` as TLShapeId, parentId: FIRST_PAGE_ID, index: indexKey(900 + i), x: lessen.x + 60 + i * 220, y: lessen.y + 400, text })),
    )
    const out = html(renderHarvest({ title: 'Casus <b>', createdAt: '2025-03-12T09:00:00.000Z', templateId: 'casusreconstructie', records }))
    expect(out).not.toMatch(/<img|<a |<b>|href=/)
    expect(out).toContain('<h3>Casus &lt;b&gt;</h3>')
    const lessons = out.slice(out.indexOf('<h4>4 Lessen'), out.indexOf('<h4>5 Werkafspraken'))
    const items = [...lessons.matchAll(/<li>(.*?)<\/li>/g)].map((match) => match[1])
    expect(items).toEqual(['&lt;img src=x onerror=alert(1)&gt;', '[klik](javascript:alert(1))', '**niet vet** &amp; _niet schuin_ | pipe', '1. geen lijst', '# geen kop'])
  })
})
