import type { ImportProblem } from '../../../shared/domain/exchange';

/** How many problems the screen lists; the count says how many more there are. */
const SHOWN = 200;

/**
 * The values or rows of an imported file that could not go where they were meant to: line,
 * column, value, why, and what the import does (or did) with them.
 */
export function ImportProblems({ problems, rowsLeftOut, caption }: { problems: readonly ImportProblem[]; rowsLeftOut: boolean; caption: string }) {
  if (problems.length === 0) return null;
  return (
    <table className="import-problems">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Line</th>
          <th scope="col">Column</th>
          <th scope="col">Value</th>
          <th scope="col">Why</th>
          <th scope="col">What happens</th>
        </tr>
      </thead>
      <tbody>
        {problems.slice(0, SHOWN).map((problem, index) => (
          <tr key={`${problem.line}-${problem.field}-${index}`}>
            <td>{problem.line}</td>
            <td>{problem.field}</td>
            <td className="import-problem-value">{problem.value}</td>
            <td>{problem.why}</td>
            <td>{rowsLeftOut ? 'the row is left out' : problem.whenKept}</td>
          </tr>
        ))}
      </tbody>
      {problems.length > SHOWN && (
        <tfoot>
          <tr>
            <td colSpan={5}>… and {problems.length - SHOWN} more (the command line's "leadbooth import" prints every one).</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
