// Quiet hours (issue 16): the pure rule of how long a non-urgent notification waits, in Asia/Shanghai time.
import { DEFAULT_QUIET_HOURS, minutesOf, quietHoursWaitMs } from '../../workflows/notification-delivery/notification-delivery.schedule';

const MINUTE = 60_000;
/** The instant of a Shanghai wall-clock time on 2027-03-10. */
const at = (hhmm: string) => Date.parse(`2027-03-10T${hhmm}:00+08:00`);

describe('quiet hours', () => {
  it('waits from 22:00 to 07:00 by default, across midnight', () => {
    expect(quietHoursWaitMs(at('22:00'), DEFAULT_QUIET_HOURS)).toBe(9 * 60 * MINUTE);
    expect(quietHoursWaitMs(at('23:30'), DEFAULT_QUIET_HOURS)).toBe(7.5 * 60 * MINUTE);
    expect(quietHoursWaitMs(at('00:00'), DEFAULT_QUIET_HOURS)).toBe(7 * 60 * MINUTE);
    expect(quietHoursWaitMs(at('06:59'), DEFAULT_QUIET_HOURS)).toBe(MINUTE);
  });

  it('does not wait outside them: the end is not inside, the start is', () => {
    expect(quietHoursWaitMs(at('07:00'), DEFAULT_QUIET_HOURS)).toBe(0);
    expect(quietHoursWaitMs(at('12:00'), DEFAULT_QUIET_HOURS)).toBe(0);
    expect(quietHoursWaitMs(at('21:59'), DEFAULT_QUIET_HOURS)).toBe(0);
  });

  it('handles hours within one day, none, and nonsense', () => {
    const lunch = { start: '12:00', end: '13:30' };
    expect(quietHoursWaitMs(at('12:15'), lunch)).toBe(75 * MINUTE);
    expect(quietHoursWaitMs(at('13:30'), lunch)).toBe(0);
    expect(quietHoursWaitMs(at('23:00'), null)).toBe(0);
    expect(quietHoursWaitMs(at('23:00'), { start: '22:00', end: '22:00' })).toBe(0);
    expect(quietHoursWaitMs(at('23:00'), { start: '25:00', end: '07:00' })).toBe(0);
  });

  it('reads HH:MM strictly', () => {
    expect(minutesOf('07:05')).toBe(425);
    for (const bad of ['7:05', '07:5', '24:00', '07:60', ' 07:05', '07:05 ', '０７:05', '07-05', '']) expect(minutesOf(bad)).toBeNull();
  });
});
