import { WorkdayCalendar } from '@hub/workdays';
import { publicationDueOn } from './publication.rules';

describe('publication deadline (企业信息公示暂行条例 Art. 6)', () => {
  const calendar = new WorkdayCalendar();

  it('is 20 working days after the result, weekends not counted', () => {
    // Monday 2026-11-02: four full weeks later, Monday 11-30.
    expect(publicationDueOn(calendar, '2026-11-02')).toBe('2026-11-30');
  });

  it('skips the National Day holiday and counts its make-up working days', () => {
    // From 中秋 (Fri 09-25): 09-28..30 (3), 国庆 10-01..07 off, 10-08, 10-09, Saturday 10-10 worked (6),
    // then 10-12..16 (11), 10-19..23 (16), 10-26..29 (20).
    expect(publicationDueOn(calendar, '2026-09-25')).toBe('2026-10-29');
  });
});
