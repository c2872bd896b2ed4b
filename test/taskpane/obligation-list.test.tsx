/**
 * @jest-environment jsdom
 *
 * The obligation list as the pane will show it: rows in date order with the
 * sources' own dates, the party, the consequence and the citation, and a
 * badge saying whether the date has passed.
 */
import { screen, within } from "@testing-library/react";
import { AGREEMENTS } from "../../src/agreements";
import { ObligationList } from "../../src/taskpane/components/ObligationList";
import { renderPane } from "./render";

const rows = () => within(screen.getByRole("list", { name: "Åtaganden och sista datum" })).getAllByRole("listitem");

test("prio-2014 on 20 November 2014: 14 November has passed, 1 December (SKL's requisition, 004 §5) is to come", () => {
  renderPane(<ObligationList agreements={AGREEMENTS} agreement="prio-2014" today="2014-11-20" />);
  const all = rows();
  const dates = all.map((r) => r.textContent?.slice(0, 10));
  expect(dates).toEqual([...dates].sort());
  const requisition = all.find((r) => /SKL rekvirerar medlen/.test(r.textContent ?? ""))!;
  expect(requisition.textContent?.slice(0, 10)).toBe("2014-12-01");
  expect(requisition.textContent).toMatch(/Rätten till bidraget för avsnitt 3\.1–3\.3 förfaller/);
  expect(requisition.textContent).toMatch(/Psykisk ohälsa 2014 §5/);
  expect(within(requisition).getByText("kommande")).toBeTruthy();
  const toSocialstyrelsen = all.find((r) => /samlat till Socialstyrelsen/.test(r.textContent ?? ""))!;
  expect(toSocialstyrelsen.textContent?.slice(0, 10)).toBe("2014-11-14");
  expect(within(toSocialstyrelsen).getByText("passerat")).toBeTruthy();
  // A period spanning the day is ongoing (SKL's funds are used during 2014, 004 §2).
  const during = all.find((r) => /SKL använder medlen/.test(r.textContent ?? ""))!;
  expect(within(during).getByText("pågår")).toBeTruthy();
  expect(screen.getByRole("list", { name: "Åtaganden utan datum" }).textContent).toMatch(/samfinansiera/);
});

test("a county sees its own parties only; hidePassed leaves out what has passed", () => {
  renderPane(<ObligationList agreements={AGREEMENTS} county="01" today="2015-01-15" hidePassed />);
  const text = rows().map((r) => r.textContent).join("\n");
  expect(text).not.toMatch(/passerat/);
  const keys = rows().map((r) => r.getAttribute("data-obligation"));
  expect(keys).not.toContain("aldre-2014/aterbetalning"); // SKL's repayment (002 §10), not the county's
  expect(keys).toContain("ebp-2014/stodstrukturer-2015"); // the principals carry 50 % in 2015 (003)
  // Funds earned in 2014 may be used during 2015 (002 §2, 004 §2).
  expect(text).toMatch(/får användas under 2015/);
  expect(text).not.toMatch(/Öppna jämförelser/); // 7 February 2014 has passed
});

test("nothing to show is said in Swedish", () => {
  renderPane(<ObligationList agreements={AGREEMENTS} agreement="missbruk-2014" today="2014-01-01" />);
  expect(screen.getByText("Inga åtaganden i källorna för det här urvalet.")).toBeTruthy();
});
