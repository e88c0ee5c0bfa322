// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { Table } from "./ui";

describe("Table", () => {
  it("names a column of buttons for screen readers only, with no label beside its cells on a phone", () => {
    const html = renderToStaticMarkup(
      <Table
        rows={[{ id: 1, email: "ana@example.com" }]}
        rowKey={(r) => r.id}
        empty="Nobody."
        columns={[
          { header: "Email", cell: (r) => r.email },
          { header: "Remove", hideHeader: true, cell: () => <button type="button">Remove</button> },
        ]}
      />,
    );
    expect(html).toContain(`<th scope="col">Email</th><th scope="col"><span class="sr-only">Remove</span></th>`);
    expect(html).toContain(`<td data-label="Email">ana@example.com</td><td data-label=""><button type="button">Remove</button></td>`);
  });
});
