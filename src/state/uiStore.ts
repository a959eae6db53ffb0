import { create } from 'zustand';

// UI state only: what the user is doing, never a copy of stored data.

export interface Announcement {
  id: number;
  text: string;
  /** Also shown on screen (edits, undo, conflicts); otherwise only for screen readers. */
  visible: boolean;
}

export interface UiState {
  /** Last message for the screen-reader live region (and the visible status line). */
  announcement: Announcement | null;
}

// Hover is not kept here: the map view reports it to the page at pointer speed,
// and only the tooltip needs it.
export const initialUiState = (): UiState => ({ announcement: null });

export const announceIn = (state: UiState, text: string, visible = false): UiState => ({
  ...state,
  announcement: { id: (state.announcement?.id ?? 0) + 1, text, visible },
});

interface UiActions {
  announce(text: string, visible?: boolean): void;
}

export const useUiStore = create<UiState & UiActions>()((set) => ({
  ...initialUiState(),
  announce: (text, visible) => set((s) => announceIn(s, text, visible)),
}));

export const selectAnnouncement = (s: UiState) => s.announcement;
