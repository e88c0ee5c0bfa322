import { describe, expect, it } from "vitest";
import { email, errorsFor, maxLength, range, required, unclaimedErrors, validate } from "./fieldErrors";

describe("errorsFor", () => {
  const errors = { Email: ["Taken."], plan_type: ["Unknown plan."], "": ["Body unreadable."] };

  it("matches the server's names whatever their case or snake_case", () => {
    expect(errorsFor(errors, "email")).toEqual(["Taken."]);
    expect(errorsFor(errors, "planType")).toEqual(["Unknown plan."]);
    expect(errorsFor(undefined, "email")).toEqual([]);
  });

  it("lists errors no field claims so they are not lost", () => {
    expect(unclaimedErrors(errors, ["email"])).toEqual(["plan_type: Unknown plan.", "Body unreadable."]);
  });
});

describe("validate", () => {
  it("returns only the failing fields in the API's shape", () => {
    const result = validate(
      { email: "nope", name: "x".repeat(5), days: 0 },
      { email: [required, email], name: [maxLength(4)], days: [range(1, 30)] },
    );
    expect(result).toEqual({ email: ["Enter a valid email address."], name: ["At most 4 characters."], days: ["Between 1 and 30."] });
  });

  it("passes valid values", () => {
    expect(validate({ email: "a@b.co" }, { email: [required, email] })).toEqual({});
  });
});
