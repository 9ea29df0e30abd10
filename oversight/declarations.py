"""The oversight app's section on the staff home."""

from congress.review import paragraphs as review
from congress.site.declarations import UNIT, Section, register

register(
    Section(
        "监督工作",
        (
            ("监督工作", "oversight_list"),
            ("意见建议", "opinions_list"),
            ("逾期未报告", "opinions_overdue"),
            ("民生实事", "projects_list"),
            ("民生实事督导", "visits_list"),
            ("其他工作", "otherwork_list"),
        ),
        order=30,
    ),
    Section("审议意见", (("审议意见和调研建议", "portal_opinions"),), order=15, role=UNIT),
)

review.register(
    review.Clause(
        "oversight",
        "总体情况",
        "overview",
        "听取审议“一府一委两院”专项工作报告{{专项工作报告|数}}个，开展执法检查{{执法检查|数}}次、"
        "专题询问{{专题询问|数}}次",
        order=20,
    ),
    review.Clause(
        "opinions",
        "总体情况",
        "overview",
        "提出各类审议意见、调研建议{{意见建议条数|数}}条，推动解决群众关切、发展急需的突出问题"
        "{{推动解决|数}}项",
        order=50,
    ),
    review.Clause(
        "otherwork-politics",
        "坚持党的领导",
        "politics",
        "全年组织各类学习研讨活动{{学习研讨|数}}次，向{{党委简称}}汇报工作{{请示报告|数}}次",
        order=100,
    ),
    review.Clause(
        "projects",
        "依法监督",
        "projects",
        "持续督导{{民生实事|数}}件人大代表民生实事票决项目，开展现场督导{{督导|数}}次",
        order=200,
    ),
    review.Clause(
        "law",
        "法治建设",
        "law",
        "配合完成{{立法调研|数}}部法规立法调研，联动开展{{联动执法检查|数}}部法规执法检查，"
        "全年联合执法{{联合执法|数}}次",
        order=300,
    ),
)
