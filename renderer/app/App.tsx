import { VerifyScreen } from '../features/verify/VerifyScreen';

/** The app shell. One screen so far; screens for later features arrive with them. */
export function App() {
  return (
    <div className="app">
      <header className="app__header">
        <span className="app__name">authentik License Manager</span>
      </header>
      <VerifyScreen />
    </div>
  );
}
