import { Button } from '@fluentui/react-components';
import { MoreHorizontalRegular } from '@fluentui/react-icons';
import { useRef, useState, type ComponentType } from 'react';
import { useAgendaStrings } from './agenda-strings';
import type { TopicMenuItems, TopicMenuProps } from './topic-menu';

let loaded: Promise<ComponentType<TopicMenuProps>> | undefined;
/** Fluent's menu and its positioning are a third of the agenda's script: fetched on the first sign of use. */
const loadMenu = () => (loaded ??= import('./topic-menu').then((m) => m.TopicMenu));

/**
 * A topic's "More actions" button. The button itself is in the first script; the menu behind it is fetched
 * when a pointer comes near it, it gets the focus, or it is pressed, and opens once there (docs/pages.md).
 */
export function TopicMenuButton({ title, ...items }: TopicMenuItems & { readonly title: string }) {
  const S = useAgendaStrings();
  const button = useRef<HTMLButtonElement>(null);
  const [Menu, setMenu] = useState<ComponentType<TopicMenuProps>>();
  const [open, setOpen] = useState(false);
  const load = () => {
    void loadMenu().then((m) => setMenu(() => m));
  };
  return (
    <>
      <Button
        ref={button}
        appearance="subtle"
        size="small"
        icon={<MoreHorizontalRegular />}
        aria-label={S.moreActions(title)}
        aria-haspopup="menu"
        aria-expanded={open}
        onPointerEnter={load}
        onFocus={load}
        onClick={() =>
          void loadMenu().then((m) => {
            setMenu(() => m);
            setOpen(true);
          })
        }
      />
      {Menu && (
        <Menu
          {...items}
          open={open}
          target={button}
          onOpenChange={(next) => {
            setOpen(next);
            if (!next) button.current?.focus();
          }}
        />
      )}
    </>
  );
}
