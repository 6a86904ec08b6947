import type { TFunction } from '../../i18n/useT.ts';
import { formatClock } from '../run/timeFormat.ts';
import { formatYuan } from '../run/saleView.ts';
import type { FieldProblem, FieldUnit } from './fieldErrors.ts';

/** A limit in the unit the producer types: "00:10" for a duration, "10 s" for a warm-up, "¥10" for a price. */
function limitText(t: TFunction, value: number, unit: FieldUnit): string {
  switch (unit) {
    case 'clock':
      return formatClock(value);
    case 'seconds':
      return t('editor.unit.seconds', { n: Math.round(value / 1000) });
    case 'yuan':
      return formatYuan(value);
    default:
      return String(value);
  }
}

/** A schema problem in the producer's language. */
export function problemText(t: TFunction, problem: FieldProblem, unit: FieldUnit): string {
  switch (problem.kind) {
    case 'required':
      return t('editor.problem.required');
    case 'tooLong':
      return t('editor.problem.tooLong', { max: problem.max });
    case 'tooMany':
      return t('editor.problem.tooMany', { max: problem.max });
    case 'tooSmall':
      return t('editor.problem.tooSmall', { min: limitText(t, problem.min, unit) });
    case 'tooBig':
      return t('editor.problem.tooBig', { max: limitText(t, problem.max, unit) });
    case 'notWhole':
      return t('editor.problem.notWhole');
    case 'notNumber':
      return t('editor.problem.notNumber');
    case 'wholeSeconds':
      return t('editor.problem.wholeSeconds');
    case 'decimals':
      return t('editor.problem.decimals');
    case 'dealAboveList':
      return t('editor.problem.dealAboveList');
    case 'duplicateSku':
      return t('editor.problem.duplicateSku');
    case 'duplicateId':
      return t('editor.problem.duplicateId');
    case 'singleLine':
      return t('editor.problem.singleLine');
    case 'controlCharacters':
      return t('editor.problem.controlCharacters');
    case 'url':
      return t('editor.problem.url');
    case 'cueEmpty':
      return t('editor.problem.cueEmpty');
    case 'unknownProduct':
      return t('editor.problem.unknownProduct');
    case 'other':
      return problem.message;
  }
}
