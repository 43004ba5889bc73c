"""The universe generator: deterministic for a seed, realistic within stated bounds."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from datetime import date
from functools import lru_cache

import pytest

from lexi.prospects import bulk
from lexi.prospects.gen_companies import family_of
from lexi.prospects.gen_families import FAMILIES
from lexi.prospects.gen_places import places
from lexi.prospects.gen_process import RowsProcess
from lexi.prospects.gen_staff import possible_titles, staff_size
from lexi.prospects.gen_universe import generate_rows
from lexi.prospects.taxonomy import DEPARTMENTS, EMAIL_STATUSES, INDUSTRIES, SENIORITIES
from lexi.prospects.vocabulary import role, vocabulary

P = {name: i for i, name in enumerate(bulk.PERSON_COLUMNS)}
C = {name: i for i, name in enumerate(bulk.COMPANY_COLUMNS)}


@lru_cache(maxsize=4)
def universe(seed: int, people: int) -> tuple[list, list, dict[int, str]]:
    titles: dict[int, str] = {}
    companies: list = []
    persons: list = []
    for t, c, p, *_ in generate_rows(seed, people, batch_size=5000):
        titles.update({row[0]: row[1] for row in t})
        companies.extend(c)
        persons.extend(p)
    return companies, persons, titles


class TestDeterminism:
    def test_same_seed_same_universe(self) -> None:
        a = list(generate_rows(11, 3000, batch_size=1000))
        b = list(generate_rows(11, 3000, batch_size=1000))
        assert a == b

    def test_other_seed_other_universe(self) -> None:
        a = universe(11, 3000)
        b = list(generate_rows(12, 3000))
        assert a[1][:50] != [row for _, _, p, *_ in b for row in p][:50]

    def test_exactly_the_requested_people_with_consecutive_ids(self) -> None:
        _, persons, _ = universe(5, 20_000)
        assert [p[P["id"]] for p in persons] == list(range(1, 20_001))


class TestDistributions:
    """Bounds stated here are what the generator promises (see its tables)."""

    def test_countries_follow_the_stated_weights(self) -> None:
        companies, _, _ = universe(5, 20_000)
        shares = Counter(c[C["country"]] for c in companies)
        n = len(companies)
        assert 0.50 <= shares["US"] / n <= 0.66
        assert {"US", "CA", "GB", "DE", "AT", "CH", "FR", "NL", "IE", "AU", "SG"} == set(shares)

    def test_every_person_and_company_has_a_city_and_us_people_a_state_code(self) -> None:
        companies, persons, _ = universe(5, 20_000)
        assert all(c[C["city"]] for c in companies)
        assert all(p[P["city"]] and p[P["loc"]] for p in persons)
        us = [p for p in persons if p[P["country"]] == "US"]
        assert us and all(p[P["state"]] and len(p[P["state"]]) == 2 for p in us)

    def test_headcount_is_heavy_tailed_from_one_to_very_large(self) -> None:
        companies, _, _ = universe(5, 20_000)
        sizes = [c[C["employee_count"]] for c in companies]
        assert min(sizes) == 1
        assert statistics.median(sizes) <= 20
        assert max(sizes) >= 10_000
        assert sum(s > 1000 for s in sizes) / len(sizes) < 0.05

    def test_revenue_grows_with_headcount(self) -> None:
        companies, _, _ = universe(5, 20_000)
        by_bucket = defaultdict(list)
        for c in companies:
            size = c[C["employee_count"]]
            by_bucket[0 if size <= 10 else 1 if size <= 200 else 2].append(c[C["revenue_usd"]])
        medians = [statistics.median(by_bucket[i]) for i in range(3)]
        assert medians[0] < medians[1] < medians[2]

    def test_email_status_mix_and_emails_on_the_company_domain(self) -> None:
        companies, persons, _ = universe(5, 20_000)
        domain = {c[C["id"]]: c[C["domain"]] for c in companies}
        status = Counter(p[P["email_status"]] for p in persons)
        assert set(status) == set(EMAIL_STATUSES)
        assert 0.50 <= status["verified"] / len(persons) <= 0.60
        assert 0.10 <= status["unavailable"] / len(persons) <= 0.20
        for p in persons:
            if p[P["email_status"]] == "unavailable":
                assert p[P["email"]] is None
            else:
                assert p[P["email"]].endswith("@" + domain[p[P["company_id"]]])
        assert len({p[P["email"]] for p in persons if p[P["email"]]}) == sum(
            1 for p in persons if p[P["email"]]
        )

    def test_domains_and_linkedin_urls_are_unique(self) -> None:
        companies, persons, _ = universe(5, 20_000)
        assert len({c[C["domain"]] for c in companies}) == len(companies)
        assert len({p[P["linkedin_url"]] for p in persons}) == len(persons)

    def test_seniorities_and_departments_are_from_the_contract(self) -> None:
        _, persons, _ = universe(5, 20_000)
        assert {p[P["seniority"]] for p in persons} == set(SENIORITIES)
        assert {p[P["department"]] for p in persons} <= set(DEPARTMENTS)


class TestOrgCharts:
    def test_each_company_is_led_by_one_top_executive(self) -> None:
        _, persons, _ = universe(5, 20_000)
        first_of: dict[int, tuple] = {}
        for p in persons:
            first_of.setdefault(p[P["company_id"]], p)
        leaders = Counter(p[P["seniority"]] for p in first_of.values())
        top = leaders["owner"] + leaders["founder"] + leaders["c_suite"] + leaders["partner"]
        assert top / len(first_of) >= 0.9

    def test_law_firms_have_partners_associates_and_paralegals(self) -> None:
        companies, persons, titles = universe(5, 20_000)
        industry = {c[C["id"]]: c[C["industry"]] for c in companies}
        law = Counter(
            titles[p[P["title_id"]]]
            for p in persons
            if industry[p[P["company_id"]]] == "Law Practice"
        )
        for title in ("Managing Partner", "Partner", "Of Counsel", "Paralegal", "Senior Associate"):
            assert law[title] > 0, title
        assert law["Software Engineer"] == 0

    def test_law_firm_names_look_like_law_firms(self) -> None:
        companies, _, _ = universe(5, 20_000)
        names = [c[C["name"]] for c in companies if c[C["industry"]] == "Law Practice"]
        lawlike = [
            n
            for n in names
            if any(
                w in n for w in ("&", "Law", "Legal", "LLP", "Rechtsanw", "Avocats", "Advocaten")
            )
        ]
        assert len(lawlike) == len(names)

    @pytest.mark.parametrize(
        ("family", "expected"),
        [
            ("hospital", {"Registered Nurse", "Physician"}),
            ("software", {"Software Engineer", "Account Executive"}),
            ("higher_ed", {"Professor", "Lecturer"}),
            ("school", {"Teacher"}),
            ("accounting", {"Staff Accountant", "Audit Manager"}),
            ("vc_pe", {"Partner", "Principal", "Associate", "Analyst"}),
            ("manufacturing", {"Plant Manager", "Machine Operator", "Quality Engineer"}),
            ("bank", {"Teller", "Loan Officer", "Branch Manager"}),
        ],
    )
    def test_each_industry_family_has_its_own_roles(self, family: str, expected: set[str]) -> None:
        companies, persons, titles = universe(5, 20_000)
        fam = {c[C["id"]]: family_of(c[C["industry"]]) for c in companies}
        seen = {titles[p[P["title_id"]]] for p in persons if fam[p[P["company_id"]]] == family}
        assert expected <= seen

    def test_every_industry_with_staff_has_a_leader(self) -> None:
        companies, persons, _ = universe(5, 20_000)
        industry = {c[C["id"]]: c[C["industry"]] for c in companies}
        leaders = defaultdict(int)
        for p in persons:
            if p[P["seniority"]] in ("owner", "founder", "c_suite", "partner"):
                leaders[industry[p[P["company_id"]]]] += 1
        staffed = {industry[p[P["company_id"]]] for p in persons}
        assert all(leaders[i] > 0 for i in staffed)


class TestTitleVocabulary:
    def test_at_least_2000_titles_each_with_a_contract_seniority_and_department(self) -> None:
        vocab = vocabulary()
        assert len(vocab) >= 2000
        assert {s for s, _ in vocab.values()} <= set(SENIORITIES)
        assert {d for _, d in vocab.values()} <= set(DEPARTMENTS)

    def test_every_title_the_org_charts_produce_is_in_the_vocabulary(self) -> None:
        assert set(possible_titles()) <= set(vocabulary())

    def test_the_file_is_what_the_build_script_writes(self) -> None:
        import importlib.util
        from pathlib import Path

        script = Path(__file__).resolve().parents[2] / "scripts" / "build_title_vocabulary.py"
        spec = importlib.util.spec_from_file_location("build_title_vocabulary", script)
        module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        assert module.classify() == vocabulary()

    @pytest.mark.parametrize(
        ("title", "industry", "seniority", "department"),
        [
            ("Controller", "Machinery", "director", "finance"),
            ("Partner", "Venture Capital & Private Equity", "partner", "finance"),
            ("Partner", "Law Practice", "partner", "legal"),
            ("CTO", "Computer Software", "c_suite", "engineering"),
            ("VP of Marketing", "Financial Services", "vp", "marketing"),
            ("Chief Medical Officer", "Hospital & Health Care", "c_suite", "operations"),
            ("Superintendent of Schools", "Primary/Secondary Education", "c_suite", "executive"),
            ("Paralegal", "Law Practice", "entry", "legal"),
            ("Teller", "Banking", "entry", "finance"),
        ],
    )
    def test_roles(self, title: str, industry: str, seniority: str, department: str) -> None:
        assert role(title, industry) == (seniority, department)

    def test_every_industry_has_a_family_with_a_structure(self) -> None:
        assert {family_of(i) for i in INDUSTRIES} == set(FAMILIES)


class TestRealism:
    def test_every_company_of_ten_or_more_is_led_by_a_ceo_level_leader(self) -> None:
        companies, persons, _ = universe(5, 20_000)
        size = {c[C["id"]]: c[C["employee_count"]] for c in companies}
        first_of: dict[int, tuple] = {}
        for p in persons:
            first_of.setdefault(p[P["company_id"]], p)
        leaders = [p for cid, p in first_of.items() if size[cid] >= 10]
        assert leaders
        assert all(p[P["seniority"]] in ("owner", "founder", "c_suite", "partner") for p in leaders)

    def test_staff_grows_with_the_log_of_headcount(self) -> None:
        sizes = [staff_size(n) for n in (1, 10, 100, 1000, 10_000, 100_000)]
        assert sizes == sorted(sizes) and sizes[0] == 1
        assert sizes[-1] < 250  # log growth, not proportional
        assert sizes[3] - sizes[2] > 20

    def test_large_companies_have_a_full_c_suite_and_vps(self) -> None:
        companies, persons, _titles = universe(5, 20_000)
        big = {c[C["id"]] for c in companies if c[C["employee_count"]] >= 1000}
        assert big
        per: dict[int, Counter] = defaultdict(Counter)
        for p in persons:
            if p[P["company_id"]] in big:
                per[p[P["company_id"]]][p[P["seniority"]]] += 1
        assert all(c["c_suite"] + c["founder"] >= 3 for c in per.values())
        assert sum(1 for c in per.values() if c["vp"] >= 2) / len(per) > 0.7
        assert sum(1 for c in per.values() if c["director"] >= 3) / len(per) > 0.7

    def test_headcount_is_capped_by_what_each_family_really_has(self) -> None:
        companies, _, _ = universe(5, 20_000)
        vc = [
            c[C["employee_count"]]
            for c in companies
            if c[C["industry"]] == "Venture Capital & Private Equity"
        ]
        assert vc and max(vc) <= 5000
        fishing = [c for c in companies if c[C["industry"]] == "Fishery"]
        assert all("Energy" not in c[C["name"]] for c in fishing)

    def test_people_live_in_municipalities_never_neighbourhoods(self) -> None:
        companies, persons, _ = universe(5, 20_000)
        known = {(t.country, t.region, t.name) for cp in places().values() for t in cp.towns}
        assert all((p[P["country"]], p[P["state"]], p[P["city"]]) in known for p in persons)
        assert all((c[C["country"]], c[C["state"]], c[C["city"]]) in known for c in companies)
        for hood in (
            "Bayview-Hunters Point",
            "West Oak Lane",
            "New South Memphis",
            "North Center",
            "Mission District",
            "Far Rockaway",
            "Zehlendorf",
        ):
            assert hood not in {t[2] for t in known}

    def test_people_mostly_work_in_their_companys_metro_some_remote_some_abroad(self) -> None:
        companies, persons, _ = universe(5, 20_000)
        towns = {(t.country, t.region, t.name): t for cp in places().values() for t in cp.towns}
        hq = {c[C["id"]]: towns[(c[C["country"]], c[C["state"]], c[C["city"]])] for c in companies}
        same_metro = abroad = 0
        for p in persons:
            home = hq[p[P["company_id"]]]
            town = towns[(p[P["country"]], p[P["state"]], p[P["city"]])]
            same_metro += town.country == home.country and town.metro == home.metro
            abroad += town.country != home.country
        assert 0.75 <= same_metro / len(persons) <= 0.95  # the rest remote or at other offices
        # Only companies of 1,000+ have offices abroad, and a sample of 20,000 people holds few
        # of them: the share abroad varies 0.1-0.6 % between seeds.
        assert 0.001 <= abroad / len(persons) <= 0.1


@lru_cache(maxsize=2)
def signals(seed: int, people: int) -> tuple[list, list, list, list]:

    out: tuple[list, list, list, list] = ([], [], [], [])
    for _, c, p, techs, postings in generate_rows(
        seed, people, batch_size=5000, as_of=date(2026, 12, 1)
    ):
        for bucket, rows in zip(out, (c, p, techs, postings), strict=True):
            bucket.extend(rows)
    return out


class TestBuyingSignals:
    """Signals fit the company: stage and size, postings from its own org chart, dates in range."""

    def test_same_seed_and_day_same_signals_and_the_people_are_unchanged_by_them(self) -> None:
        a = signals(5, 20_000)
        assert a == signals.__wrapped__(5, 20_000)
        # The signals draw from their own stream: everything else matches the universe as before.
        companies, persons, _ = universe(5, 20_000)
        assert [p[: P["company_loc"] + 1] for p in a[1]] == [
            p[: P["company_loc"] + 1] for p in persons
        ]
        assert [c[: C["linkedin_url"] + 1] for c in a[0]] == [
            c[: C["linkedin_url"] + 1] for c in companies
        ]

    def test_funding_stages_fit_industry_and_size(self) -> None:
        companies, _, _, _ = signals(5, 20_000)
        funded = [c for c in companies if c[C["funding_stage"]]]
        assert 0.04 <= len(funded) / len(companies) <= 0.25
        for c in funded:
            assert family_of(c[C["industry"]]) not in (
                "bank",
                "government",
                "higher_ed",
                "law",
                "school",
            )
            if c[C["funding_stage"]] in ("pre_seed", "seed"):
                assert c[C["employee_count"]] < 300
            if c[C["employee_count"]] >= 3000:
                assert c[C["funding_stage"]] in ("series_d_plus", "private_equity")
            assert c[C["funding_total_usd"]] >= c[C["last_funding_usd"]] > 0
            assert str(c[C["founded_year"]]) <= c[C["last_funding_on"]][:4] <= "2026"
        assert {c[C["funding_stage"]] for c in funded} >= {"seed", "series_a", "series_b"}

    def test_growth_matches_the_headcounts(self) -> None:
        companies, _, _, _ = signals(5, 20_000)
        for c in companies:
            before = c[C["headcount_12m_ago"]]
            if before is None:
                assert c[C["growth_12m_pct"]] is None
                continue
            assert c[C["growth_12m_pct"]] == round((c[C["employee_count"]] - before) * 100 / before)
        fast = sum(1 for c in companies if (c[C["growth_12m_pct"]] or 0) >= 20)
        assert 0.05 <= fast / len(companies) <= 0.35

    def test_postings_are_roles_of_the_company_and_recent(self) -> None:
        _, persons, _, postings = signals(5, 20_000)
        staff: dict[int, set[int]] = defaultdict(set)
        for p in persons:
            staff[p[P["company_id"]]].add(p[P["title_id"]])
        assert postings
        for _, company_id, title_id, _, _, posted, *_ in postings:
            assert title_id in staff[company_id]
            assert "2026-08-03" <= posted <= "2026-12-01"

    def test_postings_are_at_the_company_s_offices_or_remote(self) -> None:
        companies, _, _, postings = signals(5, 20_000)
        by_id = {c[0]: c for c in companies}
        J = {name: i for i, name in enumerate(bulk.POSTING_COLUMNS)}
        remote = at_hq = 0
        for p in postings:
            c = by_id[p[J["company_id"]]]
            if p[J["remote"]]:
                remote += 1
                assert p[J["city"]] is None and p[J["country"]] == c[C["country"]]
            elif (p[J["city"]], p[J["state"]], p[J["country"]]) == (
                c[C["city"]],
                c[C["state"]],
                c[C["country"]],
            ):
                at_hq += 1
            else:  # another office: only companies of 500+ have them
                assert c[C["employee_count"]] >= 500 and p[J["city"]]
        assert 0.05 <= remote / len(postings) <= 0.15
        assert at_hq / len(postings) >= 0.7

    def test_investors_fit_the_stage_lead_first(self) -> None:
        from lexi.prospects.gen_signals import investors

        kinds = {i.name: i.kind for i in investors()}
        companies, _, _, _ = signals(5, 20_000)
        funded = [c for c in companies if c[C["funding_stage"]]]
        assert all(c[C["last_funding_investors"]] for c in funded)
        assert not any(c[C["last_funding_investors"]] for c in companies if c not in funded)
        for c in funded:
            names = c[C["last_funding_investors"]].split(", ")
            assert len(names) == len(set(names)) and 1 <= len(names) <= 5
            stage, lead = c[C["funding_stage"]], kinds[names[0]]
            if stage == "private_equity":
                assert {kinds[n] for n in names} == {"private_equity"}
            elif stage in ("series_c", "series_d_plus"):
                assert "angel" not in {kinds[n] for n in names}
            elif stage in ("pre_seed", "seed"):
                assert lead in ("seed", "angel", "venture")
                assert not {kinds[n] for n in names} & {"growth", "private_equity"}

    def test_the_investor_file_names_known_kinds_and_groups(self) -> None:
        from lexi.prospects.gen_signals import investors

        found = investors()
        assert len(found) >= 80 and len({i.name for i in found}) == len(found)
        assert {i.kind for i in found} == {
            "angel",
            "seed",
            "venture",
            "growth",
            "corporate",
            "private_equity",
        }
        assert all(i.focus <= set(FAMILIES) for i in found)

    def test_headcount_history_is_quarterly_and_gives_the_6_and_12_month_figures(self) -> None:
        import json

        companies, _, _, _ = signals(5, 20_000)
        full = 0
        for c in companies:
            history = json.loads(c[C["headcount_history"]])
            days = [(date(2026, 12, 1) - date.fromisoformat(d)).days for d, _ in history]
            assert days == sorted(days, reverse=True) and days[-1] == 0
            assert history[-1][1] == c[C["employee_count"]]
            assert all(n >= 1 for _, n in history)
            founded = date(c[C["founded_year"]], 1, 1)
            assert date.fromisoformat(history[0][0]) >= founded
            by_days = {d: n for d, (_, n) in zip(days, history, strict=True)}
            assert by_days.get(182) == c[C["headcount_6m_ago"]]
            assert by_days.get(365) == c[C["headcount_12m_ago"]]
            full += len(history) == 9
        assert full / len(companies) >= 0.8  # most companies are older than two years

    def test_previous_companies_are_earlier_companies_founded_before_the_role(self) -> None:

        companies, persons, _, _ = signals(5, 20_000)
        by_id = {c[0]: c for c in companies}
        known = 0
        for p in persons:
            prev = p[P["prev_company_id"]]
            if prev is None:
                assert p[P["prev_company_name"]] is None
                continue
            known += 1
            c = by_id[prev]
            assert prev < p[P["company_id"]] and c[C["name"]] == p[P["prev_company_name"]]
            assert c[C["founded_year"]] <= date.fromisoformat(p[P["role_started_on"]]).year
        assert 0.5 <= known / len(persons) <= 0.85
        same_group = sum(
            1
            for p in persons
            if p[P["prev_company_id"]]
            and family_of(by_id[p[P["prev_company_id"]]][C["industry"]])
            == family_of(p[P["industry"]])
        )
        assert same_group / known >= 0.6

    def test_role_starts_give_a_realistic_yearly_job_change_rate(self) -> None:
        _, persons, techs, _ = signals(5, 20_000)
        started = [p[P["role_started_on"]] for p in persons]
        assert all(s <= "2026-12-01" for s in started)
        share = sum(1 for s in started if s > "2025-12-01") / len(started)
        assert 0.1 <= share <= 0.35
        recent = sum(1 for t in techs if t[3] > "2026-09-01") / len(techs)
        assert 0.01 <= recent <= 0.1


class TestRowsProcess:
    """Batches made by a child process while the previous one is written."""

    def test_the_batches_are_those_generate_rows_makes(self) -> None:
        day = date(2026, 12, 1)
        with RowsProcess(11, 3000, 1000, day) as rows:
            assert list(rows) == list(generate_rows(11, 3000, 1000, day))

    def test_an_error_while_generating_reaches_the_reader(self) -> None:
        with (
            RowsProcess(11, 3000, 1000, date.min) as rows,
            pytest.raises(RuntimeError, match="OverflowError"),
        ):
            list(rows)

    def test_a_reader_that_stops_early_stops_the_child(self) -> None:
        rows = RowsProcess(11, 1_000_000, 1000, date(2026, 12, 1))
        assert len(next(iter(rows))[2]) >= 1000
        rows.close()
        assert not rows.running
