import { Field, Select } from '@fluentui/react-components';
import type { PersonRef } from '../api/types';

/**
 * Who owns an action item: one of the pair. One picker for the Action items view's dialog, a topic's
 * "new action item" and the agenda's next steps.
 */
export function OwnerPicker({
  people,
  label,
  value,
  onChange,
  size,
  className,
}: {
  people: readonly PersonRef[];
  label: string;
  /** The owner's id. */
  value: string;
  onChange: (ownerId: string) => void;
  size?: 'small' | 'medium';
  className?: string;
}) {
  return (
    <Field label={label} {...(size && { size })} {...(className && { className })}>
      <Select {...(size && { size })} value={value} onChange={(_, d) => onChange(d.value)}>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.displayName}
          </option>
        ))}
      </Select>
    </Field>
  );
}
