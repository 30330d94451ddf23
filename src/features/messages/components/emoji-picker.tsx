import { Popover, PopoverButton, PopoverPanel } from '@headlessui/react';
import { SmilePlus } from 'lucide-react';
import { EMOJIS } from '../format';


/** A small grid of emoji behind a button; picking one closes it. */
export function EmojiPicker({ onPick, label = 'Add reaction', className = '' }: { onPick: (emoji: string) => void; label?: string; className?: string }) {
  return (
    <Popover className="relative">
      <PopoverButton aria-label={label} title={label} className={className}>
        <SmilePlus className="size-4" aria-hidden />
      </PopoverButton>
      <PopoverPanel
        anchor={{ to: 'top end', gap: 4 }}
        className="z-50 grid grid-cols-6 gap-1 rounded-lg border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        {({ close }) => (
          <>
            {EMOJIS.map((emoji) => (
            <button
              key={emoji}
              type="button"
              aria-label={`React with ${emoji}`}
              onClick={() => {
                onPick(emoji);
                close();
              }}
              className="rounded p-1 text-lg leading-none hover:bg-slate-100 dark:hover:bg-slate-800"
            >
              {emoji}
            </button>
            ))}
          </>
        )}
      </PopoverPanel>
    </Popover>
  );
}
