// The staff minutes one automatic message saves (clinic setting, default 2): managers change it here.
import { useState } from "react";
import { type Answer, type Body, request } from "../api/client";
import { ErrorList } from "../panels/common";
import { useCan } from "../store/permissions";
import { useLabels } from "./labels";

export function MinutesSetting({ minutes, onSaved }: { minutes: number; onSaved: () => void }) {
  const l = useLabels();
  const canWrite = useCan("settings.write");
  const [value, setValue] = useState(String(minutes));
  const [error, setError] = useState<unknown>(null);
  if (!canWrite) return null;
  const save = async () => {
    setError(null);
    try {
      const body: Body<"PutOutcomesSettings"> = { minutes_per_message: Number(value) };
      await request<Answer<"PutOutcomesSettings">>("/api/outcomes/settings", { method: "PUT", body });
      onSaved();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form
      className="row outcome-minutes"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        {l("minutesSetting")}{" "}
        <input type="number" step="any" value={value} onChange={(e) => setValue(e.target.value)} data-testid="outcome-minutes" style={{ width: 70 }} />
      </label>
      <button type="submit" data-testid="outcome-minutes-save">
        {l("save")}
      </button>
      <ErrorList error={error} testId="outcome-minutes-errors" />
    </form>
  );
}
