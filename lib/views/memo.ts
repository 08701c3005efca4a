/** A derivation computed once per input object (held weakly): for costly builds from long-lived inputs. */
export function perObject<K extends object, V>(build: (input: K) => V): (input: K) => V {
  const built = new WeakMap<K, V>();
  return (input) => {
    let value = built.get(input);
    if (value === undefined) built.set(input, (value = build(input)));
    return value;
  };
}
