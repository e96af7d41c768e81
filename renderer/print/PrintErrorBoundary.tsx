import { Component, type ReactNode } from 'react';
import { signalReady } from './bridge';

/**
 * A payload the page cannot render is a failed print, said at once (the
 * caller shows the reason), not a page that never becomes ready and times
 * out after 30 s.
 */
export class PrintErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    signalReady({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
