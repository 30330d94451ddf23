import { describe, expect, it } from 'vitest';
import { attachmentPath, attachmentProblem, isImage, safeFileName } from './attachments';

const file = (name: string, size: number) => ({ name, size });

describe('message attachments', () => {
  it('accepts up to five files of up to 10 MB', () => {
    expect(attachmentProblem([file('a.png', 10 * 1024 * 1024)])).toBeNull();
    expect(attachmentProblem(Array.from({ length: 5 }, (_, i) => file(`${i}.txt`, 3)))).toBeNull();
  });
  it('explains what is wrong', () => {
    expect(attachmentProblem(Array.from({ length: 6 }, (_, i) => file(`${i}.txt`, 3)))).toBe('A message can carry at most 5 files (you chose 6).');
    expect(attachmentProblem([file('big.mov', 11 * 1024 * 1024)])).toBe('big.mov is 11.0 MB; files can be at most 10 MB.');
    expect(attachmentProblem([file('empty.txt', 0)])).toBe('empty.txt is empty.');
  });
  it('stores files under organization/channel/uuid with a safe name', () => {
    expect(safeFileName('Résumé <final>.pdf')).toBe('Resume _final_.pdf');
    expect(attachmentPath('o', 'c', 'u', '../x.png')).toBe('o/c/u/x.png');
  });
  it('previews common image types only', () => {
    expect(isImage('image/png')).toBe(true);
    expect(isImage('image/svg+xml')).toBe(false);
  });
});
