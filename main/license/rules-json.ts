import { rulesBasis, type AuthentikRules } from '../../shared/license/authentik-rules';

/** Which authentik rules a CLI answer was judged by, as its JSON says it. */
export interface RulesJson {
  /** The authentik version the rules were chosen for; null when none was known. */
  authentik_version: string | null;
  /** The releases the rules describe ("authentik 2026.5 or later"). */
  releases: string;
  /** True when the rules stand in for a version that was unknown, unreadable or outside the releases checked. */
  assumed: boolean;
  /** The same in one sentence, for people. */
  basis: string;
}

export function rulesJson(rules: AuthentikRules): RulesJson {
  return {
    authentik_version: rules.version,
    releases: rules.releases,
    assumed: rules.assumption !== null,
    basis: rulesBasis(rules),
  };
}
