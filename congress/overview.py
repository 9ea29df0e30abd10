"""The overview of the year-end summary, in the office's established wording.

The sentences are those of the ledger format ("The figures in the report's words"); they are
generated from the figures, never typed.
"""

from .models import Profile

SENTENCES = [
    "一年来，召开常委会会议{standing_meetings}次、主任会议{chairman_meetings}次，"
    "听取审议“一府一委两院”专项工作报告{work_reports}个，开展执法检查{inspections}次、"
    "专题询问{inquiries}次，作出决议决定{decisions}项，依法任免国家机关工作人员{appointments}人次，"
    "补选人大代表{by_elected}名，提出各类审议意见、调研建议{opinion_points}条，"
    "推动解决群众关切、发展急需的突出问题{problems_solved}项。",
    "全年组织各类学习研讨活动{study}次，向{party_short}汇报工作{party_reports}次。",
    "持续督导{projects}件人大代表民生实事票决项目，开展现场督导{project_visits}次。",
    "配合完成{legislation}部法规立法调研，联动开展{joint_inspections}部法规执法检查，"
    "全年联合执法{joint_enforcement}次，推动{litigation}件代表建议转化为公益诉讼案件。",
    "现有代表之家{homes}个、代表联络站{stations}个。全年邀请代表{participations}人次参与各项履职活动，"
    "组织{trained}名代表参加专题培训。",
    "共收到代表建议{suggestions}件、发言建议{speeches}条，确定{key_suggestions}件重点督办，"
    "办结率{closure_rate}，满意率{satisfaction_rate}。",
    "代表联系群众{constituents}人次，推动解决问题{constituent_problems}个，"
    "组织{reported}名代表向选民述职。",
]


def overview_sentences(values: dict, profile: Profile | None = None) -> list[str]:
    profile = profile or Profile.get()
    return [s.format(party_short=profile.party_short, **values) for s in SENTENCES]


def overview_keys() -> list[str]:
    """The figures the overview names, in the order it names them."""
    from string import Formatter

    keys: list[str] = []
    for sentence in SENTENCES:
        for _text, name, _spec, _conv in Formatter().parse(sentence):
            if name and name != "party_short" and name not in keys:
                keys.append(name)
    return keys
