import { SCREEN_HEADING_ID } from '../app/navigation';
import { SignInPanel } from './SignInPanel';

/** A portal page opened while no account is signed in: what it needs, and the sign-in right here. */
export function SignInFirst({ title, why }: { title: string; why: string }) {
  return (
    <main className="screen screen--portal" aria-labelledby={SCREEN_HEADING_ID}>
      <h1 id={SCREEN_HEADING_ID} tabIndex={-1}>
        {title}
      </h1>
      <p className="lede">{why}</p>
      <SignInPanel heading="Sign in to the customer portal" />
    </main>
  );
}
