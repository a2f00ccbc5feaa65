import { configure } from '@testing-library/dom';

// `waitFor` and `findBy*` poll until the screen shows what a test expects; the deadline only decides how
// long a test that is already failing takes to say so. Testing Library's default of one second is shorter
// than a first render can take on a loaded two-core CI machine (React and jsdom still loading), which made
// correct tests fail there. Ten seconds keeps a real failure quick enough while never cutting off a slow pass.
configure({ asyncUtilTimeout: 10_000 });
