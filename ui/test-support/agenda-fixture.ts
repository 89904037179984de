import type { AgendaView, TopicView } from '../api/types';
import { SECTION_TITLES, SECTIONS } from '../../core/model/sections';

export function topic(overrides: Partial<TopicView> & Pick<TopicView, 'id' | 'title'>): TopicView {
  return {
    authorId: 'blake',
    authorRole: 'report',
    section: 'topics',
    createdAt: '2026-11-20T09:00:00.000Z',
    rev: 1,
    discussed: false,
    ...overrides,
  };
}

/** Avery and Blake's upcoming session as the service would send it, with the given topics. */
export function agendaWith(topics: TopicView[], overrides: Partial<AgendaView> = {}): AgendaView {
  return {
    pairId: 'avery-blake',
    sessionId: '20261125T100000Z',
    originalStart: '2026-11-25T10:00:00.000Z',
    start: '2026-11-25T10:00:00.000Z',
    end: '2026-11-25T10:30:00.000Z',
    status: 'upcoming',
    viewer: { id: 'blake', role: 'report' },
    manager: { id: 'avery', displayName: 'Avery Chen' },
    report: { id: 'blake', displayName: 'Blake Diaz' },
    sections: SECTIONS.map((id) => ({ id, title: SECTION_TITLES[id], topics: topics.filter((t) => t.section === id) })),
    checkIns: [],
    progress: { actionItems: [], goals: [] },
    nextSteps: [],
    deepDiveMinutes: 15,
    sharedNotes: [],
    privateNotes: [],
    feedback: [],
    nothingFromMe: false,
    wins: [],
    ...overrides,
  };
}
