import { describe, expect, it } from 'vitest';
import { composerAction } from './composer-keys';

const key = (key: string, mods: Partial<{ shiftKey: boolean; altKey: boolean; ctrlKey: boolean; isComposing: boolean }> = {}) => ({ key, shiftKey: false, ...mods });
const idle = { text: 'hi', menuOpen: false, editing: false };

describe('composer keys', () => {
  it('sends on Enter and adds a line on Shift+Enter', () => {
    expect(composerAction(key('Enter'), idle)).toBe('send');
    expect(composerAction(key('Enter', { shiftKey: true }), idle)).toBe('newline');
  });
  it('leaves Enter alone while an IME composes', () => {
    expect(composerAction(key('Enter', { isComposing: true }), idle)).toBeNull();
  });
  it('edits the last own message on Up only when the composer is empty', () => {
    expect(composerAction(key('ArrowUp'), { ...idle, text: '' })).toBe('edit-last');
    expect(composerAction(key('ArrowUp'), idle)).toBeNull();
    expect(composerAction(key('ArrowUp'), { ...idle, text: '', editing: true })).toBeNull();
  });
  it('cancels an edit on Escape', () => {
    expect(composerAction(key('Escape'), { ...idle, editing: true })).toBe('cancel');
    expect(composerAction(key('Escape'), idle)).toBeNull();
  });
  it('gives arrows, Enter, Tab and Escape to the open mention menu', () => {
    const menu = { ...idle, menuOpen: true };
    expect(composerAction(key('ArrowDown'), menu)).toBe('menu-next');
    expect(composerAction(key('ArrowUp'), menu)).toBe('menu-prev');
    expect(composerAction(key('Enter'), menu)).toBe('menu-pick');
    expect(composerAction(key('Tab'), menu)).toBe('menu-pick');
    expect(composerAction(key('Escape'), { ...menu, editing: true })).toBe('menu-close');
  });
});
