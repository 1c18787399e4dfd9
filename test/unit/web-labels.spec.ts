// The web keeps its own copies of the server's Chinese words for codes (it cannot import server code); they must
// not drift from the server's, which the API's messages, exports and reports use.
import { ROLE_LABELS as SERVER_ROLE_LABELS } from '../../src/organisation/organisation.types';
import { ROLE_LABELS as WORKFLOW_ROLE_LABELS } from '../../workflows/shared/actor.labels';
import * as taskLabels from '../../workflows/indicator-task/indicator-task.labels';
import * as itemLabels from '../../workflows/rectification-item/rectification-item.labels';
import { ROLE_LABELS } from '../../web/src/i18n/roles';
import { AREA_LABELS, CLASSIFICATION_LABELS, ESCALATION_LABELS } from '../../web/src/i18n/labels';
import { AREA_WORDS } from '../../web/src/i18n/board';

describe('the web’s words for codes', () => {
  it('names the roles as the server does', () => {
    expect(ROLE_LABELS).toEqual(SERVER_ROLE_LABELS);
    expect(ROLE_LABELS).toEqual(WORKFLOW_ROLE_LABELS);
  });

  it('names classifications, escalation steps and rectification areas as the workflows do', () => {
    expect(CLASSIFICATION_LABELS).toEqual(taskLabels.CLASSIFICATION_LABELS);
    expect(ESCALATION_LABELS).toEqual(taskLabels.ESCALATION_LABELS);
    expect(AREA_LABELS).toEqual(itemLabels.ITEM_AREA_LABELS);
  });

  // The board and the report form name areas in both languages.
  it('gives the areas, in the screens’ two languages, the workflows’ Chinese names', () => {
    expect(Object.fromEntries(Object.entries(AREA_WORDS).map(([code, words]) => [code, words.zh]))).toEqual(itemLabels.ITEM_AREA_LABELS);
  });
});
