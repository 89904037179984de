import { teamsLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor } from '@testing-library/react';
import { Suspense, type ComponentType } from 'react';
import { useIntl } from 'react-intl';
import { LocaleProvider, WithMessages } from './intl';
import { lazyWithMessages } from './lazy-with-messages';
import type { MessagePart, Messages, Translations } from './message-part';

/** A chunk that speaks a part of its own, whose chunk and translations say when they are asked for. */
function setup() {
  const asked: string[] = [];
  const translations: Translations = {
    de: () => (asked.push('de'), Promise.resolve<Messages>({ 'test.greeting': 'Hallo' })),
    ja: () => (asked.push('ja'), Promise.resolve<Messages>({ 'test.greeting': 'こんにちは' })),
  };
  const part: MessagePart = { en: { 'test.greeting': 'Hello' }, ...translations };
  function Greeting() {
    return <p>{useIntl().formatMessage({ id: 'test.greeting' })}</p>;
  }
  function Chunk() {
    return (
      <WithMessages part={part}>
        <Greeting />
      </WithMessages>
    );
  }
  let arrive: (component: ComponentType<object>) => void = () => undefined;
  const Lazy = lazyWithMessages(() => {
    asked.push('chunk');
    return new Promise<ComponentType<object>>((resolve) => (arrive = resolve));
  }, translations);
  const show = (locale: string) =>
    render(
      <LocaleProvider locale={locale} theme={teamsLightTheme}>
        <Suspense fallback={<p>loading</p>}>
          <Lazy />
        </Suspense>
      </LocaleProvider>,
    );
  return { asked, Lazy, show, arrive: () => arrive(Chunk) };
}

describe('lazyWithMessages', () => {
  it('asks for the words beside the chunk, before the chunk has arrived, and shows them', async () => {
    const { asked, show, arrive } = setup();
    show('de-DE');
    await waitFor(() => expect(asked).toEqual(['chunk', 'de']));
    arrive();
    expect(await screen.findByText('Hallo')).toBeTruthy();
    expect(asked).toEqual(['chunk', 'de']); // the chunk's <WithMessages> found them there
  });

  it('asks for no translation in English: the English is in the chunk', async () => {
    const { asked, show, arrive } = setup();
    show('en-US');
    await waitFor(() => expect(asked).toEqual(['chunk']));
    arrive();
    expect(await screen.findByText('Hello')).toBeTruthy();
    expect(asked).toEqual(['chunk']);
  });

  it('preload starts both before anything renders, once', async () => {
    const { asked, Lazy, show, arrive } = setup();
    Lazy.preload('ja-JP');
    Lazy.preload('ja-JP');
    expect(asked).toEqual(['chunk', 'ja']);
    show('ja-JP');
    arrive();
    expect(await screen.findByText('こんにちは')).toBeTruthy();
    expect(asked).toEqual(['chunk', 'ja']);
  });
});
