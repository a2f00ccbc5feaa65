import type { KeyboardEvent } from 'react';
import { orgTabChosen } from '../../app/portal-navigation';
import { ORG_TAB_TITLES, ORG_TABS, type OrgTab } from '../../app/portal-routes';

export const ORG_TABPANEL_ID = 'org-tabpanel';
export const orgTabId = (tab: OrgTab): string => `org-tab-${tab}`;

/** The tab the arrow, Home and End keys move to, or null for any other key. */
function tabForKey(key: string, current: OrgTab): OrgTab | null {
  const index = ORG_TABS.indexOf(current);
  const last = ORG_TABS.length - 1;
  const target =
    key === 'ArrowRight'
      ? index === last
        ? 0
        : index + 1
      : key === 'ArrowLeft'
        ? index === 0
          ? last
          : index - 1
        : key === 'Home'
          ? 0
          : key === 'End'
            ? last
            : null;
  return target === null ? null : (ORG_TABS[target] ?? null);
}

/**
 * The organization page's tabs (Overview, Members, Licenses, Billing): one tab stop, the arrow keys,
 * Home and End move between them and show the tab they reach; each tab is also its own address.
 */
export function OrgTabs({ orgId, orgName, current }: { orgId: string; orgName: string; current: OrgTab }) {
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>): void => {
    const next = tabForKey(event.key, current);
    if (next === null) return;
    event.preventDefault();
    orgTabChosen(orgId, next);
    document.getElementById(orgTabId(next))?.focus();
  };
  return (
    <div className="org-tabs" role="tablist" aria-label={`${orgName}: sections`}>
      {ORG_TABS.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={orgTabId(tab)}
          className="org-tabs__tab"
          aria-selected={tab === current}
          aria-controls={ORG_TABPANEL_ID}
          tabIndex={tab === current ? 0 : -1}
          onClick={() => orgTabChosen(orgId, tab)}
          onKeyDown={onKeyDown}
        >
          {ORG_TAB_TITLES[tab]}
        </button>
      ))}
    </div>
  );
}
