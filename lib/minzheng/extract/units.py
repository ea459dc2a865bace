"""The words a quantity is written with: units and their classes, qualifier words, and per-person periods."""

from __future__ import annotations

import re

# written unit -> (base unit, unit class); classes decide which codebook units a figure can fill
UNITS = {
    "人次": ("人次", "person_times"),
    "户次": ("户次", "person_times"),
    "人（次）": ("人次", "person_times"),
    "人(次)": ("人次", "person_times"),
    "户（次）": ("户次", "person_times"),
    "户(次)": ("户次", "person_times"),
    "家次": ("次", "times"),
    "场次": ("次", "times"),
    "元": ("元", "money"),
    "人": ("人", "people"),
    "名": ("人", "people"),
    "位": ("人", "people"),
    "户": ("户", "households"),
    "张": ("张", "beds"),
    "床": ("张", "beds"),
    "处": ("处", "places"),
    "个": ("个", "places"),
    "家": ("家", "places"),
    "所": ("所", "places"),
    "座": ("座", "places"),
    "站": ("处", "places"),
    "次": ("次", "times"),
    "场": ("次", "times"),
    "期": ("次", "times"),
    "轮": ("次", "times"),
    "项": ("项", "items"),
    "件": ("件", "items"),
    "对": ("对", "couples"),
    "条": ("条", "items"),
    "篇": ("篇", "items"),
    "亩": ("亩", "area"),
    "%": ("%", "percent"),
    "％": ("%", "percent"),
}


UNIT_ALTERNATION = "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True))


MORE_THAN = ("余", "多", "超过", "超", "逾", "以上", "突破", "多于", "过")


APPROX = ("约", "近", "左右", "大约", "将近", "上下", "接近")


AT_LEAST = ("不少于", "不低于", "至少", "≥", ">=", "＞＝")


AT_MOST = ("不超过", "不高于", "以下", "以内", "之内", "不足", "不到")


# Per-person periods written before the number (每人每月924元) and after its unit (924元/人·月, 1155元/月).
PER_MONTH_BEFORE = ("每人每月", "每月每人", "月人均", "月均每人", "人均每月", "人均月", "每人月", "人月", "每月")
# Pages write the dot of 元/人·月 with several look-alike characters (•, ・, ∙, ‧).
DOTS = "•・∙‧*＊"


def with_dots(forms: tuple[str, ...]) -> tuple[str, ...]:
    """Unit forms with every look-alike of the middle dot, in their order."""
    return tuple(dict.fromkeys(v for form in forms for v in (form, *(form.replace("·", d) for d in DOTS))))


# Mirror pages that dropped 元 and 人 from 元/人·月 leave /·月 or //月 (740/·月, 779//月).
PER_MONTH_AFTER = with_dots(("/人/月", "/人·月", "/月/人", "/人.月", "/人月", "/月·人", "/月人", "//月", "/·月", "/月"))
PER_MONTH = PER_MONTH_BEFORE + PER_MONTH_AFTER


PER_YEAR_BEFORE = ("每人每年", "每年每人", "年人均", "年均每人", "人均每年", "人均年", "每人年", "人年", "每年")
PER_YEAR_AFTER = with_dots(("/人/年", "/人·年", "/年/人", "/人.年", "/人年", "/年·人", "/年人", "//年", "/·年", "/年"))
PER_YEAR = PER_YEAR_BEFORE + PER_YEAR_AFTER


# A standard written without its period: no monthly dibao or tekun standard in China has reached this sum
# (the highest, Shanghai's and Hangzhou's, stand near 1,500 and 2,100 元 in 2024), and few yearly ones are below it.
YEARLY_FROM = 3000


def inferred_period(value: float) -> str:
    """The period of a per-person standard written without one: 年 for large sums, else 月."""
    return "年" if value >= YEARLY_FROM else "月"
