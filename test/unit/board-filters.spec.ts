// The boards' filters as the API takes them: the search box's text bounded and taken literally
// (src/platform/database/database.helpers.ts), and the web board's filters turned into the lists' filter
// (web/src/board/model.ts), with the same days as the board counts down to (北京时间).
import { DomainError } from '../../src/platform/errors/domain-error';
import { SEARCH_MAX_CHARS, SEARCH_MAX_WORDS, searchPatterns } from '../../src/platform/database/database.helpers';
import { NO_FILTERS, serverFilter } from '../../web/src/board/model';

describe('searchPatterns', () => {
  it('makes one pattern per word, with %, _ and \\ taken literally', () => {
    expect(searchPatterns('  外滩   垃圾 ')).toEqual(['%外滩%', '%垃圾%']);
    expect(searchPatterns('100%')).toEqual(['%100\\%%']);
    expect(searchPatterns('a_b c\\d')).toEqual(['%a\\_b%', '%c\\\\d%']);
  });

  it('is no search for nothing or blanks', () => {
    expect(searchPatterns(null)).toBeNull();
    expect(searchPatterns(undefined)).toBeNull();
    expect(searchPatterns(' \t\n ')).toBeNull();
  });

  it(`refuses more than ${SEARCH_MAX_CHARS} characters or ${SEARCH_MAX_WORDS} words, in Chinese, on filter.search`, () => {
    const refused = (text: string) => {
      try {
        searchPatterns(text);
      } catch (err) {
        return err instanceof DomainError ? { code: err.code, field: err.field, chinese: /[\u4e00-\u9fa5]/.test(err.message) } : err;
      }
      return 'accepted';
    };
    expect(refused('外'.repeat(SEARCH_MAX_CHARS))).toBe('accepted');
    expect(refused('外'.repeat(SEARCH_MAX_CHARS + 1))).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.search', chinese: true });
    expect(refused('a b c d e')).toBe('accepted');
    expect(refused('a b c d e f')).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.search', chinese: true });
    // Hostile sizes are refused by their length before anything else looks at them.
    expect(refused(' '.repeat(1_000_000) + 'x')).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.search', chinese: true });
    expect(refused('%'.repeat(5_000_000))).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.search', chinese: true });
  });
});

describe('serverFilter', () => {
  const today = '2027-03-10'; // a Wednesday

  it('is null without a filter, so the board reads every card', () => {
    expect(serverFilter('task', NO_FILTERS, today)).toBeNull();
    expect(serverFilter('item', { ...NO_FILTERS, search: '   ' }, today)).toBeNull();
  });

  it('asks for a task classification, or for tasks not yet classified', () => {
    expect(serverFilter('task', { ...NO_FILTERS, classification: 'MET' }, today)).toEqual({ classifications: ['MET'] });
    expect(serverFilter('task', { ...NO_FILTERS, classification: 'NONE' }, today)).toEqual({ classified: false });
    // Items have no classification; tasks no source.
    expect(serverFilter('item', { ...NO_FILTERS, classification: 'MET', source: 'PUBLIC' }, today)).toEqual({ sources: ['PUBLIC'] });
    expect(serverFilter('task', { ...NO_FILTERS, source: 'PUBLIC' }, today)).toBeNull();
  });

  it('turns overdue and this week into deadlines at midnight in 北京时间', () => {
    expect(serverFilter('task', { ...NO_FILTERS, overdue: true }, today)).toEqual({ deadlineBefore: '2027-03-09T16:00:00.000Z' });
    expect(serverFilter('item', { ...NO_FILTERS, dueThisWeek: true }, today)).toEqual({ deadlineFrom: '2027-03-07T16:00:00.000Z', deadlineBefore: '2027-03-14T16:00:00.000Z' });
    // Both: from Monday to before today.
    expect(serverFilter('task', { ...NO_FILTERS, overdue: true, dueThisWeek: true }, today)).toEqual({ deadlineFrom: '2027-03-07T16:00:00.000Z', deadlineBefore: '2027-03-09T16:00:00.000Z' });
  });

  it('sends at most the words and characters the API takes; the board narrows by the rest itself', () => {
    expect(serverFilter('task', { ...NO_FILTERS, search: ' a  b c d e f g ', unit: 'WTSQ', area: 'SANITATION' }, today)).toEqual({ search: 'a b c d e', unitCode: 'WTSQ', area: 'SANITATION' });
    expect((serverFilter('task', { ...NO_FILTERS, search: '外'.repeat(500) }, today)!.search as string).length).toBe(100);
  });
});
