"""The app's stored enumerations in the dossier's three languages.

Records store English identifiers ("appeal", "lawyer_only", "border_crossing"); a Russian
or Kazakh dossier must not show them. Every value the storage layer allows is here
(tests/app/dossier/test_dossier_vocabulary.py checks that against storage.records), so a
new value without a translation fails a test rather than reaching a court in English.
Words follow the glossary in WINDOW.md (іс, айғақ, куәгер, келісім, оқиға, сот отырысы).
"""

from __future__ import annotations

_LANG_INDEX = {"en": 0, "ru": 1, "kk": 2}

VOCAB: dict[str, dict[str, tuple[str, str, str]]] = {
    "status": {
        "open": ("open", "открыто", "ашық"),
        "closed": ("closed", "закрыто", "жабық"),
        "appeal": ("on appeal", "обжалуется", "шағымдануда"),
        "monitoring": ("monitoring", "под наблюдением", "бақылауда"),
    },
    "role": {
        "witness": ("witness", "свидетель", "куәгер"),
        "victim": ("victim", "потерпевший", "жәбірленуші"),
        "detainee": ("detainee", "задержанный", "ұсталған"),
        "defendant": ("defendant", "обвиняемый", "айыпталушы"),
        "relative": ("relative", "родственник", "туысы"),
        "lawyer": ("lawyer", "адвокат", "адвокат"),
        "judge": ("judge", "судья", "судья"),
        "interviewer": ("interviewer", "интервьюер", "сұхбат алушы"),
        "other": ("other", "другое", "басқа"),
    },
    "event": {
        "border_crossing": ("border crossing", "пересечение границы", "шекарадан өту"),
        "detention": ("detention", "задержание", "ұстау"),
        "arrest": ("arrest", "арест", "қамауға алу"),
        "hearing": ("hearing", "судебное заседание", "сот отырысы"),
        "postponement": ("postponement", "перенос заседания", "отырыстың кейінге қалдырылуы"),
        "sentence": ("sentence", "приговор", "үкім"),
        "release": ("release", "освобождение", "босату"),
        "deportation_order": ("deportation order", "решение о депортации", "депортация шешімі"),
        "certificate_issued": ("certificate issued", "выдан документ", "құжат берілді"),
        "certificate_expires": ("certificate expires", "истекает срок документа",
                                "құжат мерзімі бітеді"),
        "relative_detained": ("relative detained", "задержан родственник", "туысы ұсталды"),
        "other": ("other event", "другое событие", "басқа оқиға"),
    },
    "consent": {
        "none": ("no consent", "нет согласия", "келісім жоқ"),
        "lawyer_only": ("legal counsel only", "только для адвоката", "тек адвокат үшін"),
        "anonymised": ("anonymised", "анонимно", "жасырын"),
        "public": ("public", "публично", "ашық"),
    },
    "name_kind": {
        "legal": ("legal name", "официальное имя", "ресми есімі"),
        "alias": ("also known as", "другое имя", "басқа есімі"),
        "transliteration": ("transliteration", "транслитерация", "транслитерация"),
        "patronymic": ("patronymic form", "форма с отчеством", "әкесінің атымен"),
    },
    "script": {
        "Latn": ("Latin", "латиница", "латын жазуы"),
        "Cyrl": ("Cyrillic", "кириллица", "кирилл жазуы"),
        "Arab": ("Arabic script", "арабское письмо", "араб жазуы"),
        "Hans": ("Simplified Chinese", "упрощённые иероглифы", "жеңілдетілген иероглиф"),
        "Hant": ("Traditional Chinese", "традиционные иероглифы", "дәстүрлі иероглиф"),
        "Other": ("other script", "другое письмо", "басқа жазу"),
    },
    "risk": {
        "relatives_detained": ("relatives detained", "родственники задержаны",
                               "туыстары ұсталған"),
        "under_surveillance": ("under surveillance", "под слежкой", "аңдуда"),
        "travel_ban": ("travel ban", "запрет на выезд", "шетелге шығуға тыйым"),
        "threatened": ("threatened", "получал угрозы", "қорқытылған"),
        "detained": ("in detention", "под стражей", "қамауда"),
    },
    "media_kind": {
        "image": ("photo", "фотография", "фотосурет"),
        "video": ("video", "видео", "бейне"),
        "audio": ("audio", "аудиозапись", "аудиожазба"),
        "file": ("file", "файл", "файл"),
    },
    "language": {
        "en": ("English", "английский", "ағылшын тілі"),
        "ru": ("Russian", "русский", "орыс тілі"),
        "kk": ("Kazakh", "казахский", "қазақ тілі"),
        "kk-Cyrl": ("Kazakh (Cyrillic)", "казахский (кириллица)", "қазақ тілі (кирилл жазуы)"),
        "kk-Arab": ("Kazakh (Arabic script)", "казахский (арабское письмо)",
                    "қазақ тілі (араб жазуы)"),
        "kk-Latn": ("Kazakh (Latin)", "казахский (латиница)", "қазақ тілі (латын жазуы)"),
        "zh": ("Chinese", "китайский", "қытай тілі"),
        "ug": ("Uyghur", "уйгурский", "ұйғыр тілі"),
        "ky": ("Kyrgyz", "киргизский", "қырғыз тілі"),
        "uz": ("Uzbek", "узбекский", "өзбек тілі"),
        "tg": ("Tajik", "таджикский", "тәжік тілі"),
        "tr": ("Turkish", "турецкий", "түрік тілі"),
        "mn": ("Mongolian", "монгольский", "моңғол тілі"),
    },
}  # fmt: skip


def word(kind: str, value: str, lang: str) -> str:
    """`value` of enumeration `kind` in `lang`; a value Tumar does not know (a free-text
    language code, a value from a newer version) is printed as written."""
    table = VOCAB[kind]
    words = table.get(value) or _FOLDED[kind].get(value.strip().casefold())
    return words[_LANG_INDEX.get(lang, 0)] if words else value


# free text (a language typed as "KK" or "kk-arab") still finds its words
_FOLDED = {kind: {k.casefold(): v for k, v in table.items()} for kind, table in VOCAB.items()}
