// 네이버 예약 파트너센터의 예약 목록 / Naver Booking partner center, reservation list.
// The page is Naver's and changes without notice: when capture stops, fix the selectors here (and only here).
// Each selector is relative to one reservation row.
globalThis.DOCTORSFLOW_SITE = {
  site: "naver",
  label: "네이버 예약",
  page: /booking-list|bookings|예약/i, // which pages of the matched host hold the list (URL path or title)
  row: "[data-booking-id], .booking-list-item, tr.booking-row",
  fields: {
    id: { attr: "data-booking-id", fallback: ".booking-number" },
    name: ".booker-name, .name",
    phone: ".booker-phone, .phone",
    date: ".booking-date, .date",
    time: ".booking-time, .time",
    procedure: ".booking-item, .item-name, .product",
    status: ".booking-status, .status",
  },
  // What the page shows → what we send; anything else is left alone (attended/no-show are recorded in the EMR).
  statuses: {
    "신청": "booked",
    "확정대기": "booked",
    "예약신청": "booked",
    "확정": "booked",
    "예약확정": "booked",
    "취소": "cancelled",
    "예약취소": "cancelled",
    "고객취소": "cancelled",
    "업체취소": "cancelled",
  },
};
