"""Demo figures per level (village, commune, district). Pure; see demo_values for the method."""

from __future__ import annotations

from kehoach.datavalues.demo_values import ETHNIC, Profile, Values, ethnic_weights, money, part, put, split

POVERTY_STANDARD_JUMP = 5.0  # points: the 2022 multidimensional standard counted more households poor


def village(key: str, year: int) -> Values:
    p, v, t = Profile(key), Values(), year - 2020
    households = int(p.between("hh", 40, 160) * (1 + 0.01 * t))
    dtts = households - part(households, p.between("kinh", 0, 10))
    weights = ethnic_weights(p)
    by_group = split(dtts, weights)
    rate = p.rate("poor", year, (40, 65), -4.5, -1.5) + (POVERTY_STANDARD_JUMP if year >= 2022 else 0)
    poor_dtts = part(dtts, max(rate, 3.0))
    put(v, "HO_TONG", households)
    put(v, "HO_DTTS", dtts, ETHNIC, by_group)
    put(
        v,
        "HO_NGHEO_DTTS",
        poor_dtts,
        ETHNIC,
        split(poor_dtts, [w * n for w, n in zip(weights, by_group, strict=True)], by_group),
    )
    put(v, "HO_NGHEO", min(households, poor_dtts + (1 if households > dtts else 0)))
    put(v, "HO_CO_DIEN", part(households, p.rate("power", year, (72, 80), 4.5, 2.0)))
    put(v, "HO_NHA_TAM", part(households, p.rate("hut", year, (12, 18), -2.8, -1.2)))
    migrants = int(p.between("mig", 0, 7))
    put(v, "HO_DI_CU_TU_DO", migrants)
    put(v, "HO_DI_CU_ON_DINH", part(migrants, p.rate("migok", year, (20, 40), 9, 4)))
    risk = int(p.between("risk", 0, 16))
    put(v, "HO_DTTS_NGUY_CO", risk)
    put(v, "HO_DTTS_NGUY_CO_BO_TRI", part(risk, p.rate("riskok", year, (10, 30), 12, 5)))
    farming = part(dtts, 80)
    put(v, "HO_DTTS_NONG_NGHIEP", farming)
    put(v, "HO_DTTS_SX_HANG_HOA", part(farming, p.rate("market", year, (18, 26), 7, 3)))
    return v


def commune(key: str, year: int, *, town: bool) -> Values:
    p, v, t = Profile(key), Values(), year - 2020
    people = int(p.between("pop", 2500, 9000) * (1 + 0.015 * t))
    dtts = part(people, 55 if town else p.between("dtts", 85, 98))
    male = part(people, 50.6)
    put(
        v,
        "DS_TONG",
        people,
        ("GT_NAM", "GT_NU", "KV_TT", "KV_NT"),
        (male, people - male, people if town else 0, 0 if town else people),
    )
    dtts_m = min(male, part(dtts, 50.4))
    dtts_sex = (dtts_m, dtts - dtts_m)
    put(v, "DS_DTTS", dtts, ("GT_NAM", "GT_NU", *ETHNIC), (*dtts_sex, *split(dtts, ethnic_weights(p))))
    income = p.between("income", 14, 22) * (1.12 if p.on_track else 1.06) ** t
    v[("TN_DTTS", "default")] = money(income * dtts)
    _infrastructure(p, v, year, dtts)
    _people(p, v, year, people, dtts, dtts_sex)
    return v


def _flag(p: Profile, salt: str, year: int, by_on_track: int, by_behind: int) -> int:
    """1 from the year the unit reaches it (earlier when on track), 0 before."""
    start = by_on_track if p.on_track else by_behind
    return 1 if year >= start + int(p.between(salt, -1, 2)) else 0


def _infrastructure(p: Profile, v: Values, year: int, dtts: int) -> None:
    put(v, "SO_XA", 1)
    put(v, "XA_DUONG_NHUA", _flag(p, "road", year, 2023, 2027))
    put(v, "XA_DBKK", 1 - _flag(p, "dbkk", year, 2024, 2029))
    put(v, "XA_NTM", _flag(p, "ntm", year, 2025, 2030))
    put(v, "XA_DU_HA_TANG", _flag(p, "infra", year, 2024, 2028))
    villages = int(p.between("ban", 8, 20))
    put(v, "BAN_TONG", villages)
    for code, start, good, poor in [
        ("BAN_DUONG_CUNG_HOA", (35, 50), 7, 3),
        ("BAN_NHA_SHCD", (60, 75), 6, 3),
        ("BAN_DOI_VAN_NGHE", (50, 65), 8, 4),
        ("BAN_DBKK", (55, 70), -7, -2),
        ("BAN_DU_HA_TANG", (25, 40), 9, 4),
    ]:
        put(v, code, part(villages, p.rate(code, year, start, good, poor)))
    works = int(p.between("works", 6, 14))
    put(v, "CT_TONG", works)
    put(v, "CT_KIEN_CO", part(works, p.rate("solid", year, (60, 72), 8, 4)))
    put(v, "NGUOI_DTTS_NUOC_HVS", part(dtts, p.rate("water", year, (68, 78), 5.5, 2.5)))
    put(v, "NGUOI_DTTS_XEM_TH", part(dtts, p.rate("tv", year, (52, 60), 4, 1.5)))


def _people(p: Profile, v: Values, year: int, people: int, dtts: int, dtts_sex: tuple[int, int]) -> None:
    insured = part(dtts, p.rate("bhyt", year, (90, 94), 1.2, 0.4))
    put(v, "NGUOI_DTTS_BHYT", insured, ("GT_NAM", "GT_NU"), split(insured, list(dtts_sex), list(dtts_sex)))
    for total_code, done_code, share, start, good, poor in [
        ("TRE5_TONG", "TRE5_DI_HOC", 2.3, (96.5, 98), 0.5, 0.15),
        ("TRE_TH_TONG", "HS_TH_DI_HOC", 11, (98.8, 99.4), 0.15, 0.05),
        ("TRE_THCS_TONG", "HS_THCS_DI_HOC", 8, (90, 93), 1.2, 0.5),
        ("TRE_THPT_TONG", "HS_THPT_DI_HOC", 6, (42, 50), 4, 1.5),
        ("NGUOI_15_60", "NGUOI_15_60_BIET_CHU", 60, (82, 86), 1.8, 0.8),
    ]:
        total = part(people, share)
        total_sex = split(total, [1, 1])
        put(v, total_code, total, ("GT_NAM", "GT_NU"), total_sex)
        done = part(total, p.rate(done_code, year, start, good, poor))
        put(v, done_code, done, ("GT_NAM", "GT_NU"), split(done, total_sex, total_sex))
    pregnant, births = part(people, 2), part(people, 1.8)
    put(v, "PN_CO_THAI", pregnant)
    put(v, "PN_KHAM_THAI_DK", part(pregnant, p.rate("anc", year, (42, 50), 4, 1.5)))
    put(v, "SO_CA_SINH", births)
    put(v, "SINH_CO_HO_TRO", part(births, p.rate("birth", year, (48, 55), 3, 1)))
    weighed = part(dtts, 9)
    weighed_sex = split(weighed, list(dtts_sex))
    put(v, "TRE_DTTS_DUOI5_CAN_DO", weighed, ("GT_NAM", "GT_NU"), weighed_sex)
    thin = part(weighed, p.rate("sdd", year, (21, 24), -1.1, -0.4))
    put(v, "TRE_DTTS_DUOI5_SDD", thin, ("GT_NAM", "GT_NU"), split(thin, weighed_sex, weighed_sex))
    workers = part(dtts, 60)
    workers_sex = split(workers, list(dtts_sex), list(dtts_sex))
    put(v, "LD_DTTS", workers, ("GT_NAM", "GT_NU"), workers_sex)
    for code, start, good, poor, female in [
        ("LD_DTTS_DAO_TAO_NGHE", (36, 44), 5, 2, 0.41),
        ("LD_DTTS_BIET_NGHE", (6, 10), 2.5, 1, 0.43),
    ]:
        trained = part(workers, p.rate(code, year, start, good, poor))
        put(v, code, trained, ("GT_NAM", "GT_NU"), split(trained, [1 - female, female], workers_sex))
    rural = part(workers, 90)
    put(v, "LD_NONG_THON_DTTS", rural)
    put(v, "LD_CHUYEN_NGHE", part(rural, p.rate("shift", year, (3, 5), 1.2, 0.4)))
    staff, commune_staff = int(p.between("staff", 25, 45)), int(p.between("cbcc", 18, 24))
    put(v, "CBCCVC_TONG", staff)
    put(v, "CBCCVC_DTTS", part(staff, p.rate("cbdtts", year, (52, 60), 2.5, 1)))
    put(v, "CBCC_XA_TONG", commune_staff)
    for code, start, good, poor in [
        ("CBCC_XA_TU_TRUNG_CAP", (82, 88), 3, 1),
        ("CBCC_XA_DH_LLCT", (48, 55), 6, 2.5),
        ("CBCC_XA_BOI_DUONG", (38, 45), 10, 5),
    ]:
        put(v, code, part(commune_staff, p.rate(code, year, start, good, poor)))
    land = money(p.between("land", 15000, 45000), 2)
    v[("DT_TU_NHIEN", "default")] = land
    v[("DT_CO_RUNG", "default")] = money(float(land) * p.rate("forest", year, (54, 58), 2.4, 0.8) / 100, 2)


def district(key: str, year: int) -> Values:
    v, t = Values(), year - 2020
    v[("GTSX_SS", "default")] = money(2_500_000 * (1.065**t), 0)
    put(v, "LD_LAM_VIEC", int(25_000 * (1 + 0.012 * t)))
    v[("HDI_DTTS", "default")] = money(0.52 + 0.011 * t, 3)
    v[("TUOI_THO_DTTS", "default")] = money(67.0 + 0.45 * t, 1)
    v[("NAM_SONG_KHOE_DTTS", "default")] = money(58.0 + 0.4 * t, 1)
    del key  # one district: its figures follow the year only
    return v
