import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { placeholdersOf, renderTemplate, TEMPLATE_CODES, TEMPLATES } from './templates.ts';

const sorted = (names: Iterable<string>) => [...new Set(names)].sort();

describe('notification templates', () => {
  it('cover every dossier and payment event the one-stop process announces', () => {
    expect(TEMPLATE_CODES).toEqual(
      expect.arrayContaining([
        'dossier.submitted',
        'dossier.received',
        'dossier.supplement_requested',
        'dossier.refused',
        'dossier.apology',
        'dossier.resolved',
        'dossier.returned',
        'dossier.stopped',
        'dossier.withdrawn',
        'payment.requested',
        'payment.settled',
      ]),
    );
  });

  it.each(TEMPLATE_CODES)(
    '%s uses exactly its declared parameters in every text of both languages',
    (code) => {
      const template = TEMPLATES[code];
      for (const language of ['vi', 'en'] as const) {
        const text = template[language];
        const used = [text.subject, text.body, text.short].flatMap(placeholdersOf);
        expect(sorted(used), `${code} ${language}`).toEqual(sorted(template.params));
        expect(
          placeholdersOf(text.short).length,
          `${code} ${language} short names the dossier`,
        ).toBeGreaterThan(0);
      }
    },
  );

  it.each(TEMPLATE_CODES)('%s has a short text that leaves room for its parameters in one SMS', (code) => {
    for (const language of ['vi', 'en'] as const) {
      const fixed = TEMPLATES[code][language].short.replace(/\{[A-Za-z]+\}/g, '');
      expect(fixed.length, `${code} ${language}`).toBeLessThanOrEqual(110);
    }
  });

  it('fills parameters as text, keeping markup characters as they are and subjects on one line', () => {
    const text = renderTemplate('dossier.refused', 'en', {
      code: 'H20.01-261126-0001\r\nBcc: someone@example.com',
      reasons: '<script>alert(1)</script> & "quotes"',
    });
    expect(text.subject).toBe('Application H20.01-261126-0001 Bcc: someone@example.com refused');
    expect(text.body).toContain('<script>alert(1)</script> & "quotes"');
  });

  it('names every missing or empty parameter, and refuses an unknown template', () => {
    const error = (() => {
      try {
        renderTemplate('payment.requested', 'vi', { code: ' ' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).issues).toEqual([
      { field: 'params.code', key: 'required' },
      { field: 'params.amount', key: 'required' },
    ]);
    expect(() => renderTemplate('dossier.lost', 'vi', {})).toThrow(AppError);
  });
});
