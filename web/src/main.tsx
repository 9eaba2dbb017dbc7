// The dashboard: an overview at /, a vendor page and a controller page, all from /graphql.
// Preact: components and hooks like React's for ~4 kB, with JSX that TypeScript checks.
import { render } from 'preact';
import { changeApiKey, useApiKey, useKeyNeeded } from './hooks';
import { useRoute } from './router';
import { Link } from './components/Link';
import { Search } from './components/Search';
import { Empty, KeyForm } from './components/Status';
import { Overview } from './pages/Overview';
import { VendorPage } from './pages/Vendor';
import { ControllerPage } from './pages/Controller';
import './styles.css';

function App() {
  const route = useRoute();
  const key = useApiKey();
  const keyNeeded = useKeyNeeded();
  return (
    <>
      <header class="top">
        <h1>
          <Link href="/">Policy Graph</Link>
        </h1>
        <Search />
        <nav>
          {key && (
            <button type="button" class="link" onClick={() => changeApiKey(null)}>
              Forget API key
            </button>
          )}
          <a href="/graphql">GraphQL API</a>
        </nav>
      </header>
      <main>
        {keyNeeded && <KeyForm />}
        {route.page === 'overview' && <Overview />}
        {route.page === 'vendor' && <VendorPage key={route.id} id={route.id} />}
        {route.page === 'controller' && <ControllerPage key={route.id} id={route.id} />}
        {route.page === 'not-found' && (
          <Empty>
            No page at {route.path}. <Link href="/">Back to the overview</Link>.
          </Empty>
        )}
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
