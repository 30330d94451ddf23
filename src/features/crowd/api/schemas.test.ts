import { describe, expect, it } from 'vitest';
import { parseMoney, formatMoney } from './money';
import { crowdProjectSchema, daysLeft, deadlineText, joinSchema, plainText, toCrowdProjectRow, todayIso } from './schemas';

const valid = { title: ' Street mural ', description: '', quorum: '3', target_budget: '1,500.5', deadline: '2999-01-01', split: 'equal' as const };

describe('crowd project form', () => {
  it('turns a valid form into columns with the budget in minor units', () => {
    const parsed = crowdProjectSchema.safeParse(valid);
    expect(parsed.success).toBe(true);
    expect(toCrowdProjectRow(parsed.data!)).toEqual({ title: 'Street mural', description: null, quorum: 3, target_budget: 150050, deadline: '2999-01-01', split: 'equal' });
  });

  it('refuses a quorum below 2, a zero budget and a past deadline', () => {
    const parsed = crowdProjectSchema.safeParse({ ...valid, quorum: '1', target_budget: '0', deadline: '2000-01-01' });
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['quorum', 'target_budget', 'deadline']));
  });

  it('accepts today as the deadline', () => {
    expect(crowdProjectSchema.safeParse({ ...valid, deadline: todayIso() }).success).toBe(true);
  });
});

describe('joining', () => {
  it('needs a pledge only when the split is by pledge', () => {
    expect(joinSchema('equal').safeParse({ pledge: '', agree_to_charge: false }).success).toBe(true);
    expect(joinSchema('pledge').safeParse({ pledge: '', agree_to_charge: false }).success).toBe(false);
    expect(joinSchema('pledge').safeParse({ pledge: '25', agree_to_charge: true }).success).toBe(true);
  });
});

describe('money and deadlines', () => {
  it('parses and formats minor units', () => {
    expect(parseMoney('12.3')).toBe(1230);
    expect(parseMoney('1,000')).toBe(100000);
    expect(parseMoney('1.234')).toBeNull();
    expect(parseMoney('-5')).toBeNull();
    expect(formatMoney(123456, 'USD')).toBe('$1,234.56');
    expect(formatMoney(500, 'JPY')).toBe('¥500');
  });

  it('counts days to the deadline', () => {
    const now = new Date(2026, 10, 23, 15, 0);
    expect(daysLeft('2026-11-23', now)).toBe(0);
    expect(deadlineText('2026-11-23', now)).toBe('Last day to join');
    expect(deadlineText('2026-11-24', now)).toBe('1 day left to join');
    expect(deadlineText('2026-12-03', now)).toBe('10 days left to join');
    expect(deadlineText('2026-11-22', now)).toBe('Closed for joining');
  });
});

describe('plainText', () => {
  it('drops Markdown marks and keeps link text', () => {
    expect(plainText('A **bold** [site](https://x.test)\n\n# Next')).toBe('A bold site Next');
  });
});
