import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { ActionItem, EditActionItemBody } from '../api/types';
import { LocaleProvider } from '../i18n/intl';
import { goal } from '../test-support/goal-fixture';
import { ActionItemDialog } from './action-item-dialog';
import { EditableActionItem } from './editable-action-item';

const GOALS = [
  goal({ id: 'g-1', title: 'Ship the thing' }),
  goal({ id: 'g-2', title: 'Lead a review' }),
  goal({ id: 'g-old', title: 'Old aim', status: 'dropped' }),
];
const ITEM: ActionItem = {
  id: 'a-1',
  text: 'Draft the plan',
  ownerId: 'blake',
  due: '2030-03-09',
  status: 'open',
  sourceSessionId: '20260303T100000Z',
  createdBy: 'avery',
  createdAt: '2026-03-03T10:10:00Z',
  rev: 1,
};
const PEOPLE = [
  { id: 'avery', displayName: 'Avery Brooks' },
  { id: 'blake', displayName: 'Blake Diaz' },
];

/** The item in a list, its edit dialog open when the list is asked for it (as the Action items view does). */
function EditableList({
  item,
  onSave,
}: {
  item: ActionItem;
  onSave: (change: Omit<EditActionItemBody, 'rev'>) => void;
}) {
  const [editing, setEditing] = useState(false);
  const save = async (change: Omit<EditActionItemBody, 'rev'>) => {
    onSave(change);
    return true;
  };
  return (
    <>
      <ul>
        <EditableActionItem
          item={item}
          people={PEOPLE}
          goals={GOALS}
          other="Avery Brooks"
          today="2030-03-01"
          carried={0}
          onEdit={() => setEditing(true)}
          onChange={save}
        />
      </ul>
      <ActionItemDialog
        item={item}
        people={PEOPLE}
        goals={GOALS}
        open={editing}
        onClose={() => setEditing(false)}
        onSave={save}
      />
    </>
  );
}

function setup(item: ActionItem, locale = 'en-US') {
  const changes: Omit<EditActionItemBody, 'rev'>[] = [];
  render(
    <LocaleProvider locale={locale}>
      <EditableList item={item} onSave={(change) => changes.push(change)} />
    </LocaleProvider>,
  );
  return changes;
}

jest.setTimeout(60_000);

describe('linking an action item to a goal', () => {
  it('picks a goal in the edit dialog ("No goal" by default, active goals only) and sends only the link', async () => {
    const user = userEvent.setup();
    const changes = setup(ITEM);
    expect(screen.queryByTestId('goal-badge')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const dialog = within(await screen.findByRole('dialog', { hidden: true }, { timeout: 10_000 }));
    const picker = dialog.getByRole('combobox', { name: 'Goal', hidden: true });
    expect(picker).toHaveValue('');
    expect(
      within(picker)
        .getAllByRole('option', { hidden: true })
        .map((o) => o.textContent),
    ).toEqual(['No goal', 'Ship the thing', 'Lead a review']);
    await user.selectOptions(picker, 'Lead a review');
    await user.click(dialog.getByRole('button', { name: 'Save', hidden: true }));
    expect(changes).toEqual([{ goalId: 'g-2' }]);
  });

  it('removes a link with "No goal" and shows the linked goal as a badge, saying when it is closed', async () => {
    const user = userEvent.setup();
    const changes = setup({ ...ITEM, goalId: 'g-old' });
    expect(screen.getByTestId('goal-badge')).toHaveTextContent('Goal: Old aim (closed)');

    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const dialog = within(await screen.findByRole('dialog', { hidden: true }, { timeout: 10_000 }));
    const picker = dialog.getByRole('combobox', { name: 'Goal', hidden: true });
    expect(picker).toHaveValue('g-old');
    await user.selectOptions(picker, 'No goal');
    await user.click(dialog.getByRole('button', { name: 'Save', hidden: true }));
    expect(changes).toEqual([{ goalId: null }]);
  });

  it('names the goal in German', async () => {
    setup({ ...ITEM, goalId: 'g-1' }, 'de-DE');
    expect(await screen.findByTestId('goal-badge', {}, { timeout: 10_000 })).toHaveTextContent('Ziel: Ship the thing');
  });
});
