// Loads data for a page and keeps its loading / error / data states, ignoring answers that arrive after the
// inputs changed (switching workspace while a list is loading must not show the previous workspace's rows).
import { useCallback, useEffect, useState } from 'react';
import { asProblem, type ApiProblem } from '../api/problem.js';

export interface Loaded<T> {
  data: T | undefined;
  problem: ApiProblem | null;
  loading: boolean;
  reload(): void;
}

export function useLoader<T>(load: () => Promise<T>, inputs: readonly unknown[]): Loaded<T> {
  const inputsKey = JSON.stringify(inputs);
  const [loaded, setLoaded] = useState<{ key: string; value: T } | undefined>(undefined);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    setProblem(null);
    load().then(
      (value) => {
        if (!current) return;
        setLoaded({ key: inputsKey, value });
        setLoading(false);
      },
      (error: unknown) => {
        if (!current) return;
        setProblem(asProblem(error));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure each render; `inputs` are what it depends on.
  }, [inputsKey, version]);

  const reload = useCallback(() => setVersion((n) => n + 1), []);
  // A reload keeps showing the rows it refreshes; new inputs never show the previous inputs' rows.
  const data = loaded && loaded.key === inputsKey ? loaded.value : undefined;
  return { data, problem, loading, reload };
}
