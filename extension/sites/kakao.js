// 카카오톡 예약하기 파트너센터의 예약 내역 / Kakao booking partner center, reservation list.
// The page is Kakao's and changes without notice: when capture stops, fix the selectors here (and only here).
globalThis.DOCTORSFLOW_SITE = {
  site: "kakao",
  label: "카카오 예약",
  page: /reservation|booking|예약/i,
  row: "[data-reservation-id], .reservation-item",
  fields: {
    id: { attr: "data-reservation-id", fallback: ".reservation-no" },
    name: ".customer-name",
    phone: ".customer-phone",
    date: ".use-date",
    time: ".use-time",
    procedure: ".product-name",
    status: ".reservation-status",
  },
  statuses: {
    "확정대기": "booked",
    "예약신청": "booked",
    "예약확정": "booked",
    "예약취소": "cancelled",
    "확정거절": "cancelled",
  },
};
