import { describe, expect, it } from 'vitest'
import { dateOrder } from './date-order.ts'

describe('dateOrder', () => {
  it('reads the dates people give, in Dutch and English, and sorts them in time', () => {
    const dates = ['2024', 'maart 2023', '3 maart 2023', '2023-03-04', '12-3-2023', '1 April 2023', '2023-03']
    expect(dates.map(dateOrder)).toEqual([20240000, 20230300, 20230303, 20230304, 20230312, 20230401, 20230300])
    expect(['12-3-2023', '3 mrt. 2023', '2022'].sort((a, b) => dateOrder(a)! - dateOrder(b)!)).toEqual(['2022', '3 mrt. 2023', '12-3-2023'])
  })
  it('gives null for what is no date', () => {
    expect([null, '', 'ergens in het voorjaar', '32 maart 2023', '2023-13-01'].map(dateOrder)).toEqual([null, null, null, null, null])
  })
})
