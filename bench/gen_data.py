"""Deterministic synthetic archive content for the storage benchmarks.

`generate(n)` yields `(table, fields)` pairs in dependency order: people with their names,
then cases with their people and events, then testimonies with their case links. The
fields are plain dicts of the record's own (user-entered) fields plus a preset `id`, so
Tumar's Repository and a plain-SQL baseline insert exactly the same data. Derived columns
(date bounds, folded names) and the envelope (times, HLC) are left to whoever inserts.

Every call with the same `n` and `seed` yields the same sequence. Testimony text is
1-5 KB of UTF-8 mixing English/Kazakh Latin, Kazakh Cyrillic, Kazakh Arabic script
(töte jazu) and Chinese, built from the word lists below.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

SEED = 20261124
BASE_MS = 1_767_225_600_000  # 2026-01-01T00:00:00Z, the first synthetic id's time
MIN_TEXT_BYTES, MAX_TEXT_BYTES = 1024, 5120
TABLES = (  # the tables generate() fills
    "person", "person_name", "case_file", "case_person", "event", "event_person",
    "testimony", "testimony_case",
)  # fmt: skip

LATIN = (
    "my brother was taken from the border at night by police and we did not hear anything "
    "for two years then a letter came saying he was in a camp near Ürümqi they confiscated "
    "his passport and documents he was interrogated about prayer and the mosque released "
    "sentenced court lawyer family father mother daughter son village re-education factory "
    "work transferred hospital phone message relatives detained without charge she he they "
    "asked about religion teacher school returned never home Almaty Qorğas Ili Tacheng "
    "Altay men inim şekarada ustaldı otbasy jūmys sot ükim qujattar hat ūzaq jyl boiy"
).split()
CYRILLIC = (
    "менің інім шекарада түнде ұсталды полиция лагерь Үрімжі Алматы Қорғас біз екі жыл "
    "бойы хабар алмадық хат келді құжаттар төлқұжат тәркіленді жауапқа тартылды босатылды "
    "сот үкім адвокат отбасы әкем анам қызым ұлым ауыл қайта тәрбиелеу зауыт жұмыс "
    "ауруханаға телефон туыстарым айыпсыз сұрады дін намаз мешіт мұғалім мектеп олар ол "
    "үйге қайтып келген жоқ Іле Тарбағатай Алтай күзетшілер қамауда ұстады"
).split()
ARABIC = (
    "مەنىڭ ٴىنىم شەكارادا تۇندە ۇستالدى پوليتسيا لاگەر ٴۇرىمجى الماتى قورعاس ٴبىز ەكى "
    "جىل بويى حابار المادىق حات كەلدى قۇجاتتار سوت ۇكىم ادۆوكات وتباسى اكەم انام قىزىم "
    "ۇلىم اۋىل جۇمىس تەلەفون تۋىستارىم سۇرادى ٴدىن ناماز مەشىت مۇعالىم مەكتەپ ولار ول "
    "ۇيگە قايتىپ كەلگەن جوق ٴىلە تارباعاتاي التاي قاماۋدا ۇستادى"
).split()
CHINESE = (
    "我的 弟弟 在 边境 被 抓 晚上 警察 营 乌鲁木齐 阿拉木图 霍尔果斯 我们 两年 没有 消息 "
    "一封 信 文件 护照 没收 审讯 释放 法院 判决 律师 家人 父亲 母亲 女儿 儿子 村子 再教育 "
    "工厂 工作 转移 医院 电话 亲戚 无罪 拘留 问 宗教 礼拜 清真寺 老师 学校 他们 他 她 回家 "
    "伊犁 塔城 阿勒泰"
).split()

# script tag, language tag, words, word separator, sentence end, weight as primary language
SCRIPTS = (
    ("Latn", "en", LATIN, " ", ".", 3),
    ("Cyrl", "kk", CYRILLIC, " ", ".", 3),
    ("Arab", "kk-Arab", ARABIC, " ", ".", 2),
    ("Hans", "zh", CHINESE, "", "。", 2),
)

# the same given name / family name in Latin, Cyrillic, Arabic script and Chinese
GIVEN = (
    ("Qaster", "Қастер", "قاستەر", "卡斯特尔"), ("Aigul", "Айгүл", "ايگۇل", "阿依古丽"),
    ("Serik", "Серік", "سەرىك", "赛力克"), ("Gulnar", "Гүлнар", "گۇلنار", "古丽娜尔"),
    ("Erlan", "Ерлан", "ەرلان", "叶尔兰"), ("Dina", "Дина", "دينا", "迪娜"),
    ("Nurlan", "Нұрлан", "نۇرلان", "努尔兰"), ("Zhanar", "Жанар", "جانار", "加娜尔"),
    ("Bolat", "Болат", "بولات", "波拉提"), ("Saule", "Сәуле", "ساۋلە", "萨吾列"),
    ("Kairat", "Қайрат", "قايرات", "凯拉特"), ("Aizhan", "Айжан", "ايجان", "阿依江"),
    ("Murat", "Мұрат", "مۇرات", "木拉提"), ("Ardak", "Ардақ", "ارداق", "阿尔达克"),
    ("Tilek", "Тілек", "تىلەك", "提列克"), ("Qaisha", "Қайша", "قايشا", "开沙"),
)  # fmt: skip
FAMILY = (
    ("Musakhan", "Мұсахан", "مۇساحان", "木萨汗"), ("Akan", "Ақан", "اقان", "阿坎"),
    ("Tabarak", "Табарақ", "تاباراق", "塔巴拉克"), ("Nurbek", "Нұрбек", "نۇربەك", "努尔别克"),
    ("Zhumabai", "Жұмабай", "جۇماباي", "加玛拜"), ("Sadyk", "Садық", "سادىق", "萨迪克"),
    ("Omarov", "Омаров", "وماروۆ", "奥马尔"), ("Kenzhe", "Кенже", "كەنجە", "肯杰"),
    ("Ermek", "Ермек", "ەرمەك", "叶尔麦克"), ("Baimukhan", "Баймұхан", "بايمۇحان", "拜木汗"),
)  # fmt: skip
PLACES = ("Almaty", "Ürümqi", "Qorğas", "Ghulja", "Tacheng", "Altay", "Zharkent", "Astana")
COURTS = ("Ili Intermediate Court", "Ürümqi People's Court", "Almaty City Court", "")
EVENT_KINDS = (
    "border_crossing", "detention", "arrest", "hearing", "postponement", "sentence",
    "release", "deportation_order", "certificate_issued", "relative_detained", "other",
)  # fmt: skip
ROLES = ("witness", "victim", "detainee", "relative", "lawyer", "defendant")
CONSENT = ("none", "lawyer_only", "anonymised", "public")
RISK_FLAGS = ("family_in_xinjiang", "under_surveillance", "stateless", "minor")


@dataclass(frozen=True)
class Plan:
    """How many records of each kind `generate` makes for `testimonies` testimonies."""

    testimonies: int
    people: int
    cases: int

    @classmethod
    def for_testimonies(cls, testimonies: int) -> Plan:
        return cls(testimonies, max(20, testimonies // 5), max(5, testimonies // 20))


class _Gen:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.seq = 0
        self.pools = {
            tag: [self._sentence(words, sep, end) for _ in range(3000)]
            for tag, _lang, words, sep, end, _w in SCRIPTS
        }
        self.pool_bytes = {
            tag: [len(s.encode()) + 1 for s in pool] for tag, pool in self.pools.items()
        }

    def new_id(self) -> str:
        """UUID v7 like Tumar's, with a synthetic increasing time so ids sort like real ones."""
        self.seq += 1
        value = ((BASE_MS + self.seq) & ((1 << 48) - 1)) << 80
        value |= 0x7 << 76 | self.rng.getrandbits(12) << 64 | 0b10 << 62
        value |= self.rng.getrandbits(62)
        return str(uuid.UUID(int=value))

    def _sentence(self, words: list[str], sep: str, end: str) -> str:
        chosen = self.rng.choices(words, k=self.rng.randint(5, 18))
        text = sep.join(chosen)
        return text[:1].upper() + text[1:] + end

    def text(self, primary: str, low: int, high: int) -> str:
        """Paragraphs of sentences, mostly in `primary`'s script, of low..high UTF-8 bytes."""
        rng, tags = self.rng, [s[0] for s in SCRIPTS]
        target = rng.randint(low + 3, high)
        parts: list[str] = []
        size = 0
        while size < target:
            tag = primary if rng.random() < 0.7 else rng.choice(tags)
            index = rng.randrange(len(self.pools[tag]))
            sep = "\n\n" if parts and rng.random() < 0.15 else " "
            parts.append(sep + self.pools[tag][index] if parts else self.pools[tag][index])
            size += self.pool_bytes[tag][index] + (1 if sep == "\n\n" else 0)
        encoded = "".join(parts).encode()[:target]
        return encoded.decode("utf-8", errors="ignore").rstrip()

    def day(self, first_year: int = 2014, last_year: int = 2025) -> str:
        year, rng = self.rng.randint(first_year, last_year), self.rng
        return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"

    def edtf(self) -> str:
        """A date as documenters enter them: exact, month, uncertain, approximate, range."""
        rng, day = self.rng, self.day()
        roll = rng.random()
        if roll < 0.6:
            return day
        if roll < 0.75:
            return day[:7]
        if roll < 0.85:
            return day[:7] + "?"
        if roll < 0.9:
            return day[:4] + "~"
        start = self.day(2014, 2021)[:7]
        return f"{start}/{int(start[:4]) + rng.randint(1, 4)}-{rng.randint(1, 12):02d}"

    def person(self) -> tuple[dict, list[dict]]:
        rng = self.rng
        given, family, father = rng.choice(GIVEN), rng.choice(FAMILY), rng.choice(GIVEN)
        spellings = [
            f"{given[0]} {father[0]}uly {family[0]}",
            f"{given[1]} {father[1]}ұлы {family[1]}",
            f"{given[2]} {family[2]}",
            f"{given[3]}·{family[3]}",
        ]
        scripts = ("Latn", "Cyrl", "Arab", "Hans")
        primary = rng.choices(range(4), weights=(3, 4, 2, 1))[0]
        birth = None
        if rng.random() < 0.4:
            birth = rng.choice((str(rng.randint(1940, 2005)), self.day(1940, 2005)))
        person = {
            "id": self.new_id(),
            "display_name": spellings[primary],
            "birth_date": birth,
            "sex": rng.choice(("f", "m", None)),
            "notes": self.pools[scripts[primary]][rng.randrange(3000)]
            if rng.random() < 0.3
            else "",
            "risk_flags": rng.sample(RISK_FLAGS, k=rng.choice((0, 0, 0, 1, 2))),
        }
        names = [{"name": spellings[primary], "script": scripts[primary], "kind": "legal"}]
        others = [i for i in range(4) if i != primary]
        for i in rng.sample(others, k=rng.randint(0, 2)):
            names.append({"name": spellings[i], "script": scripts[i], "kind": "transliteration"})
        return person, [{"id": self.new_id(), "person_id": person["id"], **n} for n in names]


def generate(testimonies: int, seed: int = SEED) -> Iterator[tuple[str, dict]]:
    """The whole data set as (table, fields) in an order that satisfies foreign keys."""
    plan = Plan.for_testimonies(testimonies)
    gen = _Gen(seed)
    rng = gen.rng
    people: list[str] = []
    for _ in range(plan.people):
        person, names = gen.person()
        people.append(person["id"])
        yield "person", person
        for name in names:
            yield "person_name", name
    witnesses = people[: max(1, len(people) * 3 // 5)]
    cases: list[str] = []
    for n in range(plan.cases):
        primary = rng.choice(SCRIPTS)[0]
        case_id = gen.new_id()
        cases.append(case_id)
        yield (
            "case_file",
            {
                "id": case_id,
                "title": f"Case {n + 1}: " + gen.pools[primary][rng.randrange(3000)][:60],
                "status": rng.choice(("open", "open", "closed", "appeal", "monitoring")),
                "jurisdiction": rng.choice(("Xinjiang, PRC", "Kazakhstan", "")),
                "court": rng.choice(COURTS),
                "summary": gen.text(primary, 200, 800),
            },
        )
        for person_id in rng.sample(people, k=rng.randint(2, 4)):
            yield "case_person", {
                "id": gen.new_id(), "case_id": case_id, "person_id": person_id,
                "role": rng.choice(ROLES),
            }  # fmt: skip
        for _ in range(rng.randint(4, 8)):
            event_id = gen.new_id()
            yield "event", {
                "id": event_id, "case_id": case_id, "kind": rng.choice(EVENT_KINDS),
                "date": gen.edtf(), "place": rng.choice(PLACES),
                "description": gen.pools[primary][rng.randrange(3000)],
                "source": rng.choice(("testimony", "court document", "news report", "")),
            }  # fmt: skip
            for person_id in rng.sample(people, k=rng.randint(0, 2)):
                yield "event_person", {
                    "id": gen.new_id(), "event_id": event_id, "person_id": person_id,
                }  # fmt: skip
    for _ in range(plan.testimonies):
        tag, lang = rng.choices([(s[0], s[1]) for s in SCRIPTS], [s[5] for s in SCRIPTS])[0]
        recorded = gen.day(2018, 2025)
        scope = rng.choice(CONSENT)
        testimony_id = gen.new_id()
        yield "testimony", {
            "id": testimony_id, "witness_id": rng.choice(witnesses),
            "text": gen.text(tag, MIN_TEXT_BYTES, MAX_TEXT_BYTES), "language": lang,
            "recorded_at": recorded, "recorded_where": rng.choice(PLACES),
            "recorded_by": rng.choice(("AK", "SN", "DT", "volunteer")),
            "source": rng.choice(("interview", "written statement", "video call")),
            "consent_scope": scope, "consent_date": None if scope == "none" else recorded,
            "consent_how": "" if scope == "none" else rng.choice(("oral, recorded", "signed")),
            "consent_withdrawn": rng.random() < 0.01,
        }  # fmt: skip
        for case_id in rng.sample(cases, k=rng.choice((1, 1, 1, 2))):
            yield "testimony_case", {
                "id": gen.new_id(), "testimony_id": testimony_id, "case_id": case_id,
            }  # fmt: skip


def batches(stream: Iterator[tuple[str, dict]], size: int) -> Iterator[list[tuple[str, dict]]]:
    batch: list[tuple[str, dict]] = []
    for item in stream:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


if __name__ == "__main__":
    import collections
    import sys

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    counts: collections.Counter[str] = collections.Counter()
    text_bytes = 0
    for table, fields in generate(n):
        counts[table] += 1
        if table == "testimony":
            text_bytes += len(fields["text"].encode())
    print(
        dict(counts), f"total={sum(counts.values())}", f"testimony text={text_bytes / 1e6:.1f} MB"
    )
