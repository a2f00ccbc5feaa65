import { invitationOpened } from '../../app/portal-navigation';
import { CreateOrganizationForm } from './CreateOrganizationForm';

/** Signed in, in no organization yet: the guide's first step is to create one — or to accept an invitation to one. */
export function FirstRun() {
  return (
    <section className="portal-panel first-run" aria-labelledby="first-run-heading">
      <h2 id="first-run-heading">Create an organization</h2>
      <p>
        You are not in any organization yet. An organization holds its members and their roles, its licenses, and its
        billing: payment methods and invoice history. Give it a name and the e-mail address for its notifications; you
        become its Owner.
      </p>
      <CreateOrganizationForm />
      <div className="first-run__invitation">
        <h3>Have an invitation?</h3>
        <p>If someone invited you to their organization, accept the invitation instead of creating one.</p>
        <button type="button" onClick={invitationOpened}>
          Paste the invitation link
        </button>
      </div>
    </section>
  );
}
