// The logged-in clinic's profile, loaded once for previews ({{ clinic.phone }} shows the real number).
import { create } from "zustand";
import { type ClinicProfile, clinicApi } from "./api";

interface ClinicState {
  profile: ClinicProfile | null;
  load: () => Promise<void>;
  set: (profile: ClinicProfile) => void;
}

export const useClinic = create<ClinicState>((set) => ({
  profile: null,
  load: async () => {
    try {
      set({ profile: await clinicApi.profile() });
    } catch {
      // previews keep the variable visible when the profile cannot be read
    }
  },
  set: (profile) => set({ profile }),
}));

/** ``{"clinic.phone": "02-…"}``: the clinic's non-empty values; an empty one stays ``{{ clinic.phone }}`` in previews. */
export function clinicContext(profile: ClinicProfile | null): Record<string, string> {
  if (!profile) return {};
  const values: Record<string, string> = {
    "clinic.name": profile.name,
    "clinic.phone": profile.phone,
    "clinic.address": profile.address,
    "clinic.optout_number": profile.optout_number,
    "clinic.map_url": profile.map_url,
    "clinic.kakao_channel": profile.kakao_channel,
  };
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v));
}
