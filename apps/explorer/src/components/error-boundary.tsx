import { Component, type ReactNode } from 'react';

/**
 * Catches a view's render error (say, a graph d3-sankey cannot lay out) and shows it instead of a
 * blank page. Keyed by location in app.tsx, so navigating away recovers.
 */
export class ErrorBoundary extends Component<
  { children: ReactNode; message: string },
  { error: Error | null }
> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="status error" role="alert">
        <p>
          {this.props.message}: {this.state.error.message}
        </p>
      </div>
    );
  }
}
