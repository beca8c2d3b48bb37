"""The words `edtf_words` puts dates into, per language (English, Russian, Kazakh).

Russian and Kazakh change a month's form with its role ("октябрь 2019 г." but "14 октября
2019 г."; "2019 жылғы 14 қазан"), so each language is a small class that builds whole phrases
rather than a table of words glued together in English order.
"""

from __future__ import annotations


class Lexicon:
    """English; the other languages override what differs."""

    months = (
        "January February March April May June July August September October November December"
    ).split()
    seasons = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
    year_unknown = "year unknown"
    start_unknown = "(start unknown)"
    start_open = "(open start)"
    end_unknown = "(end unknown)"
    end_open = "(ongoing)"

    def year(self, year: int) -> str:
        return str(year)

    def month(self, month: int, year: int) -> str:
        return f"{self.months[month - 1]} {year}"

    def day(self, day: int, month: int, year: int) -> str:
        return f"{day} {self.months[month - 1]} {year}"

    def day_span(self, low: int, high: int, month: int, year: int) -> str:
        return f"{low}–{high} {self.months[month - 1]} {year}"

    def decade(self, start: int) -> str:
        return f"the {start}s"

    def century_span(self, start: int) -> str:
        return f"{start}–{start + 99}"

    def season_name(self, code: int) -> str:
        """EDTF 21–24 are seasons; 25–32 hemisphere seasons; 33–41 quarters and halves."""
        if code in self.seasons:
            return self.seasons[code]
        if 25 <= code <= 32:
            return self.seasons[21 + (code - 25) % 4]
        if 33 <= code <= 36:
            return self.quarter(code - 32)
        if 37 <= code <= 39:
            return self.third(code - 36)
        return self.half(code - 39)

    def quarter(self, n: int) -> str:
        return f"Q{n}"

    def third(self, n: int) -> str:
        return f"{('first', 'second', 'third')[n - 1]} four months of"

    def half(self, n: int) -> str:
        return f"{('first', 'second')[n - 1]} half of"

    def season(self, code: int, year: int) -> str:
        return f"{self.season_name(code)} {year}"

    def month_unknown(self, year_words: str) -> str:
        return f"{year_words} (month unknown)"

    def day_unknown(self, month_words: str) -> str:
        return f"{month_words} (day unknown)"

    def about(self, words: str) -> str:
        return f"about {words}"

    def uncertain(self, words: str) -> str:
        return f"{words}?"

    def span(self, first: str, last: str) -> str:
        return f"{first} – {last}"

    def year_range(self, first: int, last: int) -> str:
        return f"{first}–{last}"

    def between(self, first: str, last: str) -> str:
        return f"between {first} and {last}"

    def one_in(self, span: str) -> str:
        return f"one date in {span}"

    def or_earlier(self, words: str) -> str:
        return f"{words} or earlier"

    def or_later(self, words: str) -> str:
        return f"{words} or later"

    def _join(self, words: list[str], conjunction: str) -> str:
        if len(words) == 1:
            return words[0]
        return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"

    def either(self, words: list[str]) -> str:
        return self._join(words, "or")

    def all_of(self, words: list[str]) -> str:
        return self._join(words, "and")


class Russian(Lexicon):
    months = (
        "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь".split()
    )
    months_of = (
        "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
    ).split()
    seasons = {21: "весна", 22: "лето", 23: "осень", 24: "зима"}
    year_unknown = "год неизвестен"
    start_unknown = "(начало неизвестно)"
    start_open = "(начало открыто)"
    end_unknown = "(конец неизвестен)"
    end_open = "(по настоящее время)"

    def year(self, year: int) -> str:
        return f"{year} г."

    def month(self, month: int, year: int) -> str:
        return f"{self.months[month - 1]} {year} г."

    def day(self, day: int, month: int, year: int) -> str:
        return f"{day} {self.months_of[month - 1]} {year} г."

    def day_span(self, low: int, high: int, month: int, year: int) -> str:
        return f"{low}–{high} {self.months_of[month - 1]} {year} г."

    def decade(self, start: int) -> str:
        return f"{start}-е гг."

    def century_span(self, start: int) -> str:
        return f"{start}–{start + 99} гг."

    def quarter(self, n: int) -> str:
        return f"{n}-й квартал"

    def third(self, n: int) -> str:
        return f"{n}-я треть"

    def half(self, n: int) -> str:
        return f"{n}-е полугодие"

    def season(self, code: int, year: int) -> str:
        return f"{self.season_name(code)} {year} г."

    def month_unknown(self, year_words: str) -> str:
        return f"{year_words} (месяц неизвестен)"

    def day_unknown(self, month_words: str) -> str:
        return f"{month_words} (день неизвестен)"

    def about(self, words: str) -> str:
        return f"примерно {words}"

    def year_range(self, first: int, last: int) -> str:
        return f"{first}–{last} гг."

    def between(self, first: str, last: str) -> str:
        return f"в период {first} – {last}"

    def one_in(self, span: str) -> str:
        return f"одна дата в период {span}"

    def or_earlier(self, words: str) -> str:
        return f"{words} или раньше"

    def or_later(self, words: str) -> str:
        return f"{words} или позже"

    def either(self, words: list[str]) -> str:
        return self._join(words, "или")

    def all_of(self, words: list[str]) -> str:
        return self._join(words, "и")


class Kazakh(Lexicon):
    months = (
        "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан"
    ).split()
    seasons = {21: "көктемі", 22: "жазы", 23: "күзі", 24: "қысы"}
    year_unknown = "жылы белгісіз"
    start_unknown = "(басы белгісіз)"
    start_open = "(басы ашық)"
    end_unknown = "(соңы белгісіз)"
    end_open = "(осы күнге дейін)"

    def year(self, year: int) -> str:
        return f"{year} ж."

    def month(self, month: int, year: int) -> str:
        return f"{year} жылғы {self.months[month - 1]}"

    def day(self, day: int, month: int, year: int) -> str:
        return f"{year} жылғы {day} {self.months[month - 1]}"

    def day_span(self, low: int, high: int, month: int, year: int) -> str:
        return f"{year} жылғы {low}–{high} {self.months[month - 1]}"

    def decade(self, start: int) -> str:
        return f"{start} жылдар"

    def century_span(self, start: int) -> str:
        return f"{start}–{start + 99} жж."

    def quarter(self, n: int) -> str:
        return f"{n}-тоқсаны"

    def third(self, n: int) -> str:
        return f"{n}-үштен бірі"

    def half(self, n: int) -> str:
        return f"{n}-жартыжылдығы"

    def season(self, code: int, year: int) -> str:
        return f"{year} жылдың {self.season_name(code)}"

    def month_unknown(self, year_words: str) -> str:
        return f"{year_words} (айы белгісіз)"

    def day_unknown(self, month_words: str) -> str:
        return f"{month_words} (күні белгісіз)"

    def about(self, words: str) -> str:
        return f"шамамен {words}"

    def year_range(self, first: int, last: int) -> str:
        return f"{first}–{last} жж."

    def between(self, first: str, last: str) -> str:
        return f"{first} – {last} аралығында"

    def one_in(self, span: str) -> str:
        return f"{span} аралығындағы бір күн"

    def or_earlier(self, words: str) -> str:
        return f"{words} немесе одан ертерек"

    def or_later(self, words: str) -> str:
        return f"{words} немесе одан кейін"

    def either(self, words: list[str]) -> str:
        return self._join(words, "немесе")

    def all_of(self, words: list[str]) -> str:
        return self._join(words, "және")


LEXICON: dict[str, Lexicon] = {"en": Lexicon(), "ru": Russian(), "kk": Kazakh()}
