"""Fact extraction on real sentences from the seeds: each construction, and what is not a fact."""
from datetime import datetime

import pytest

from tuopin.extract import Extractor
from tuopin.lexicon import Lexicon
from tuopin.regions import Gazetteer
from tuopin.repair import find_mojibake

from conftest import SEEDS


@pytest.fixture(scope="module")
def extractor():
    return Extractor(Lexicon.from_dir(SEEDS), Gazetteer.from_csv(SEEDS / "regions.csv"))


def facts_of(extractor, text, published_at=None, title=None):
    return {(f.indicator_code, f.value, f.qualifier) for f in extractor.extract(text, title, published_at)}


@pytest.mark.parametrize("sentence, expected", [
    # one clause, several facts, one trigger (seed 001)
    ("全县2017年共减贫2078户5222人,6个贫困村退出,贫困发生率降至0.89%。",
     {("poverty_exit_households", 2078, "actual"), ("poverty_exit_persons", 5222, "actual"),
      ("poverty_villages_exited", 6, "actual"), ("poverty_incidence_rate", 0.89, "actual")}),
    # 万 and 亿 multipliers into base units (seeds 001, 002, 000)
    ("县级财政专项扶贫资金投入1925.04万元。", {("poverty_funds", 19250400, "actual")}),
    ("扶贫小额信贷投放2791.86万元。", {("poverty_microcredit", 27918600, "actual")}),
    ("拿出1.19亿元用于脱贫攻坚。", {("poverty_funds", 119000000, "actual")}),
    ("开展农民实用技术培训1.26万人。", {("persons_trained", 12600, "actual")}),
    # a change: baseline and actual (seed 003)
    ("贫困发生率由24.8%降至2.78%。",
     {("poverty_incidence_rate", 24.8, "baseline"), ("poverty_incidence_rate", 2.78, "actual")}),
    # remaining figures across a comma-joined list (seed 003)
    ("现在还剩下11个贫困村,贫困户2287户8988人。",
     {("remaining_poor_villages", 11, "actual"), ("remaining_poor_households", 2287, "actual"),
      ("remaining_poor_persons", 8988, "actual")}),
    # a figure followed by its trigger (seeds 000, 004)
    ("到2017年年底,实现16153人稳定脱贫,54个贫困村退出摘帽。",
     {("poverty_exit_persons", 16153, "actual"), ("poverty_villages_exited", 54, "actual")}),
    ("继2017年5个“插花型”贫困县区摘帽退出。", {("poverty_counties_exited", 5, "actual")}),
    # the relocation claim wins over the registered-poor descriptor (seed 004)
    ("在完成“十三五”期间3846户13247名建档立卡贫困人口易地扶贫搬迁建设任务的基础上。",
     {("relocated_households", 3846, "actual"), ("relocated_persons", 13247, "actual")}),
    ("完成了全区19129户8.79万贫困人口按一般贫困户、低保贫困户建档立卡和数据信息采集录入工作。",
     {("registered_poor_households", 19129, "actual"), ("registered_poor_persons", 87900, "actual")}),
    # Chinese numerals
    ("全县共减贫三千二百户。", {("poverty_exit_households", 3200, "actual")}),
    # constructions other sites use
    ("贫困发生率从2014年的12.5%下降到0.5%。",
     {("poverty_incidence_rate", 12.5, "baseline"), ("poverty_incidence_rate", 0.5, "actual")}),
    ("累计减少贫困人口2.3万人,128个贫困村脱贫出列。",
     {("poverty_exit_persons", 23000, "actual"), ("poverty_villages_exited", 128, "actual")}),
    ("全县共选派驻村工作队120支。", {("village_work_teams", 120, "actual")}),
    ("退出机制12个。", set()),
    ("33个问题已完成整改27个,剩余6个问题正在抓紧整改。", set()),
    # a population falling between two years: baseline and actual of what remains
    ("全县贫困人口由2014年的3.2万人减少到2019年的1200人。",
     {("remaining_poor_persons", 32000, "baseline"), ("remaining_poor_persons", 1200, "actual")}),
    ("三年来共改造农村危房1523户。", {("dilapidated_houses_renovated", 1523, "actual")}),
    # lists: 分别为 pairs each figure with its own indicator
    ("2019年全县减贫户数和人数分别为2078户、5222人。",
     {("poverty_exit_households", 2078, "actual"), ("poverty_exit_persons", 5222, "actual")}),
    # lists for the other indicators: each figure to the indicator of its unit, a bare 个 by its label
    ("2019年,全县退出贫困村、减贫户数、减贫人口分别为12个、3120户、10520人。",
     {("poverty_villages_exited", 12, "actual"), ("poverty_exit_households", 3120, "actual"),
      ("poverty_exit_persons", 10520, "actual")}),
    ("全县贫困县、贫困村退出分别为2个、54个。",
     {("poverty_counties_exited", 2, "actual"), ("poverty_villages_exited", 54, "actual")}),
    ("全县剩余贫困村、贫困户、贫困人口分别为3个、1200户、3500人。",
     {("remaining_poor_villages", 3, "actual"), ("remaining_poor_households", 1200, "actual"),
      ("remaining_poor_persons", 3500, "actual")}),
    ("全县贫困村、贫困户、贫困人口分别减少到3个、1200户、3500人。",
     {("remaining_poor_villages", 3, "actual"), ("remaining_poor_households", 1200, "actual"),
      ("remaining_poor_persons", 3500, "actual")}),
    ("全市未脱贫的贫困户和贫困人口分别为120户、300人。",
     {("remaining_poor_households", 120, "actual"), ("remaining_poor_persons", 300, "actual")}),
    ("易地扶贫搬迁建档立卡贫困户、贫困人口分别为1200户、4800人。",
     {("relocated_households", 1200, "actual"), ("relocated_persons", 4800, "actual")}),
    ("全县建档立卡贫困村、贫困户、贫困人口分别为54个、1.2万户、3.5万人。",
     {("registered_poor_households", 12000, "actual"), ("registered_poor_persons", 35000, "actual")}),
    ("全县贫困村、贫困户、贫困人口分别为54个、1.2万户、3.5万人。",
     {("registered_poor_households", 12000, "actual"), ("registered_poor_persons", 35000, "actual")}),
    # trainings and job placements counted in person-times; who was trained may be a long phrase
    ("开展各类技能培训班120期,培训建档立卡贫困劳动力1.2万人次。", {("persons_trained", 12000, "actual")}),
    ("累计转移就业农村贫困劳动力3.2万人次。", {("labor_transferred", 32000, "actual")}),
    ("全年转移农村建档立卡贫困劳动力就业2.3万人。", {("labor_transferred", 23000, "actual")}),
    # 未脱贫 is what remains, not what was lifted out
    ("全县剩余未脱贫建档立卡贫困人口1234户3456人。",
     {("remaining_poor_households", 1234, "actual"), ("remaining_poor_persons", 3456, "actual")}),
    ("全县贫困人口减少到2019年底的1234人。", {("remaining_poor_persons", 1234, "actual")}),
    ("全县已脱贫退出10000户40000人。",
     {("poverty_exit_households", 10000, "actual"), ("poverty_exit_persons", 40000, "actual")}),
    ("实现了28个贫困县(市、区)脱贫摘帽。", {("poverty_counties_exited", 28, "actual")}),
    ("累计发放扶贫小额贷款2.3亿元。", {("poverty_microcredit", 230000000, "actual")}),
    # a short name given in passing is no word between the trigger and its figure (set u)
    ("扶贫小额信贷(以下简称“小额信贷”)截至目前累计发放8624万元。", {("poverty_microcredit", 86240000, "actual")}),
    # per-capita income of the poor however it is worded, with its starting value
    ("建档立卡贫困人口人均收入由2015年的2800元增加到2019年的8900元。",
     {("poor_per_capita_income", 2800, "baseline"), ("poor_per_capita_income", 8900, "actual")}),
    ("贫困户人均可支配收入达到10256元。", {("poor_per_capita_income", 10256, "actual")}),
    ("全县建档立卡贫困户2019年人均纯收入达到9500元。", {("poor_per_capita_income", 9500, "actual")}),
    ("脱贫户年人均纯收入由2016年的3120元增加到2019年的9850元。",
     {("poor_per_capita_income", 3120, "baseline"), ("poor_per_capita_income", 9850, "actual")}),
    ("贫困户户均年增收2000元。", {("income_increase_per_household", 2000, "actual")}),
    # the figure first and its trigger further on; several funds summed after a long list
    ("实现3.2万名农村贫困劳动力转移就业。", {("labor_transferred", 32000, "actual")}),
    ("全县1.2万名贫困劳动力参加了各类技能培训。", {("persons_trained", 12000, "actual")}),
    ("累计投入财政专项扶贫资金、整合涉农资金及社会帮扶资金共计12.3亿元。",
     {("poverty_funds", 1230000000, "actual")}),
    # a 其中 sub-group of the figure just given is dropped; another indicator under 其中 is kept
    ("全县贫困劳动力实现转移就业2.3万人,其中省外转移1.2万人。", {("labor_transferred", 23000, "actual")}),
    ("全县共有建档立卡贫困户12345户45678人,其中已脱贫10000户40000人。",
     {("registered_poor_households", 12345, "actual"), ("registered_poor_persons", 45678, "actual"),
      ("poverty_exit_households", 10000, "actual"), ("poverty_exit_persons", 40000, "actual")}),
    ("全面完成3200户农村危房改造任务。", {("dilapidated_houses_renovated", 3200, "actual")}),
    ("向贫困村派驻工作队156个。", {("village_work_teams", 156, "actual")}),
    ("累计有1.2万户4.5万名农村贫困群众实现稳定脱贫。",
     {("poverty_exit_households", 12000, "actual"), ("poverty_exit_persons", 45000, "actual")}),
    # a kind of poor village between the count and the noun; villages lifted out with 脱贫
    ("2019年,全县32个深度贫困村退出。", {("poverty_villages_exited", 32, "actual")}),
    ("12个省级贫困村顺利出列。", {("poverty_villages_exited", 12, "actual")}),
    ("全县88个贫困村全部脱贫。", {("poverty_villages_exited", 88, "actual")}),
    ("全县减少贫困人口4.2万人,贫困村出列118个。",
     {("poverty_exit_persons", 42000, "actual"), ("poverty_villages_exited", 118, "actual")}),
    ("发放扶贫贴息贷款5600万元。", {("poverty_microcredit", 56000000, "actual")}),
    ("全县脱贫人口累计达到2.6万人。", {("poverty_exit_persons", 26000, "actual")}),
    ("全县脱贫人数为1.2万人。", {("poverty_exit_persons", 12000, "actual")}),
    ("全县贫困劳动力外出务工2.3万人。", {("labor_transferred", 23000, "actual")}),
    # each figure of a 分别 list goes to the rule whose words begin its own label
    ("危房改造和易地搬迁分别为1200户、800户。",
     {("dilapidated_houses_renovated", 1200, "actual"), ("relocated_households", 800, "actual")}),
    ("全县易地扶贫搬迁、危房改造分别完成3200户、1800户。",
     {("relocated_households", 3200, "actual"), ("dilapidated_houses_renovated", 1800, "actual")}),
    # the villages of a county are not one village
    ("全县贫困村里的贫困户2000户全部脱贫。", {("poverty_exit_households", 2000, "actual")}),
    ("全县共有建档立卡贫困村35个、贫困户9860户、贫困人口3.2万人。",
     {("registered_poor_households", 9860, "actual"), ("registered_poor_persons", 32000, "actual")}),
    # 建卡, the short form of 建档立卡
    ("全县有建卡贫困户5210户16320人。",
     {("registered_poor_households", 5210, "actual"), ("registered_poor_persons", 16320, "actual")}),
    # the end of a change at a relative time
    ("全县贫困村由2014年的78个减少到目前的5个。",
     {("remaining_poor_villages", 78, "baseline"), ("remaining_poor_villages", 5, "actual")}),
    # funds given, then what they are for
    ("全县统筹整合财政涉农资金5.3亿元,用于脱贫攻坚。", {("poverty_funds", 530000000, "actual")}),
    # planned figures are targets; a plan carries over the figures after it until one is said done
    ("今年力争实现减贫2000人。", {("poverty_exit_persons", 2000, "target")}),
    ("2020年计划减贫1.2万人,退出贫困村30个。",
     {("poverty_exit_persons", 12000, "target"), ("poverty_villages_exited", 30, "target")}),
    ("计划减贫2000人,实际减贫2300人。",
     {("poverty_exit_persons", 2000, "target"), ("poverty_exit_persons", 2300, "actual")}),
    ("为确保如期脱贫,全县投入扶贫资金5亿元。", {("poverty_funds", 500000000, "actual")}),
    ("今年全县将有12个贫困村退出。", {("poverty_villages_exited", 12, "target")}),
    ("今年争取减贫2000人。", {("poverty_exit_persons", 2000, "target")}),
    ("争取上级扶贫资金1.5亿元。", {("poverty_funds", 150000000, "actual")}),  # funds secured
    # a count, then in the next clause that all of it exited; a bare count naming the clause before's noun
    ("全县共有贫困村200个,已全部出列。", {("poverty_villages_exited", 200, "actual")}),
    ("全县共有深度贫困村96个,2019年退出52个。", {("poverty_villages_exited", 52, "actual")}),
    ("全县共有贫困村45个,已退出30个。", {("poverty_villages_exited", 30, "actual")}),  # not all 45
    ("全国832个贫困县已有601个宣布摘帽。", {("poverty_counties_exited", 601, "actual")}),
    # the poor a place had, without 建档立卡; not what is left (还有)
    ("2013年底,全县共有贫困人口18.9万人。", {("registered_poor_persons", 189000, "actual")}),
    ("临泉县原有贫困村112个、贫困人口4.6万户15.5万人。",
     {("registered_poor_households", 46000, "actual"), ("registered_poor_persons", 155000, "actual")}),
    ("目前全县还有贫困人口1200人。", {("remaining_poor_persons", 1200, "actual")}),
    # …but the poor a place has now are what remains
    ("目前全县有贫困人口1200人。", {("remaining_poor_persons", 1200, "actual")}),
    ("截至2019年底,全县共有贫困村12个。", {("remaining_poor_villages", 12, "actual")}),
    # kinds of poor village and county named as such; a bare 县 with its parenthesis
    ("去年,15个省级扶贫开发重点村退出。", {("poverty_villages_exited", 15, "actual")}),
    ("鲁甸县、巧家县等6个县(区)退出贫困县序列。", {("poverty_counties_exited", 6, "actual")}),
    # a total with its own word, thousands separators
    ("全县建档立卡贫困户共计25,631户61,052人。",
     {("registered_poor_households", 25631, "actual"), ("registered_poor_persons", 61052, "actual")}),
    # 农村 between the verb and the poor; villages exiting whole
    ("2017年,普安县减少农村贫困人口1.56万人。", {("poverty_exit_persons", 15600, "actual")}),
    ("2016年,全县实现12个贫困村整村退出。", {("poverty_villages_exited", 12, "actual")}),
    # exits once a check is passed; counties of Inner Mongolia (旗县)
    ("岚皋县、宁陕县2个贫困县通过省级验收退出。", {("poverty_counties_exited", 2, "actual")}),
    ("今年乌兰察布市共有4个国贫旗县摘帽。", {("poverty_counties_exited", 4, "actual")}),
    ("全县还有1200户3500人未脱贫。",
     {("remaining_poor_households", 1200, "actual"), ("remaining_poor_persons", 3500, "actual")}),
    # moved out of the mountains, into new homes: relocation in the reporters' words
    ("全县实现1.2万名贫困群众搬出大山、住进新居。", {("relocated_persons", 12000, "actual")}),
    ("全县3200户贫困户喜迁新居。", {("relocated_households", 3200, "actual")}),
    # a task handed down is a target
    ("丹凤县下达易地扶贫搬迁任务3200户10560人。",
     {("relocated_households", 3200, "target"), ("relocated_persons", 10560, "target")}),
    # the task of lifting a count out of poverty; reaching the bar to exit
    ("全市将坚决完成剩余4.57万贫困人口脱贫任务。", {("poverty_exit_persons", 45700, "target")}),
    ("今年,全县剩余的4130户17215人全部达到脱贫条件。",
     {("poverty_exit_households", 4130, "actual"), ("poverty_exit_persons", 17215, "actual")}),
    # an indicator's name and its figure, as a flattened table writes them
    ("指标:减贫人数6.5万人;减贫户数1.7万户;贫困村退出170个;贫困县(区)摘帽4个;贫困发生率0.47%。",
     {("poverty_exit_persons", 65000, "actual"), ("poverty_exit_households", 17000, "actual"),
      ("poverty_villages_exited", 170, "actual"), ("poverty_counties_exited", 4, "actual"),
      ("poverty_incidence_rate", 0.47, "actual")}),
    # kinds of county: 贫困县市, 区县, 重点县; 清零; 农村贫困人口 as a noun
    ("至此,恩施州8个贫困县市全部脱贫摘帽。", {("poverty_counties_exited", 8, "actual")}),
    ("重庆市18个贫困区县全部脱贫摘帽。", {("poverty_counties_exited", 18, "actual")}),
    ("彭水县等4个区县退出国家扶贫开发工作重点县。", {("poverty_counties_exited", 4, "actual")}),
    ("四川88个贫困县全部清零。", {("poverty_counties_exited", 88, "actual")}),
    ("现行标准下306.49万农村贫困人口全部脱贫。", {("poverty_exit_persons", 3064900, "actual")}),
    ("黑龙江省20个国家级贫困县今年4月全部摘帽。", {("poverty_counties_exited", 20, "actual")}),
    # paired lists of a change: the figures before the verb are all baselines
    ("延川县、宜川县贫困发生率分别由2014年底的19.3%、17.4%降至2018年底的0.75%和0.89%。",
     {("poverty_incidence_rate", 19.3, "baseline"), ("poverty_incidence_rate", 17.4, "baseline"),
      ("poverty_incidence_rate", 0.75, "actual"), ("poverty_incidence_rate", 0.89, "actual")}),
    ("去年该县63个省定扶贫工作重点村退出。", {("poverty_villages_exited", 63, "actual")}),
    ("全县25830名贫困群众实现脱贫,涉及贫困户7012户。",
     {("poverty_exit_persons", 25830, "actual"), ("poverty_exit_households", 7012, "actual")}),
    ("完成农村危旧土坯房改造4210户。", {("dilapidated_houses_renovated", 4210, "actual")}),
    # 嘎查, a village of Inner Mongolia; a rate brought down to nothing
    ("全年减贫5239户12736人,退出贫困嘎查23个。",
     {("poverty_exit_households", 5239, "actual"), ("poverty_exit_persons", 12736, "actual"),
      ("poverty_villages_exited", 23, "actual")}),
    ("贫困发生率从2014年底的33.6%下降为0。",
     {("poverty_incidence_rate", 33.6, "baseline"), ("poverty_incidence_rate", 0, "actual")}),
    # exits once the bar is reached; loans with interest subsidised; the lowest rate; a task's figure
    ("水富、绥江2个县(市)达到脱贫摘帽标准,14个贫困村达到出列标准。",
     {("poverty_counties_exited", 2, "actual"), ("poverty_villages_exited", 14, "actual")}),
    ("全市发放扶贫小额贴息贷款12.3亿元。", {("poverty_microcredit", 1230000000, "actual")}),
    ("秭归县综合贫困发生率最低,为0.43%。", {("poverty_incidence_rate", 0.43, "actual")}),
    ("全县完成减贫任务2.07万人。", {("poverty_exit_persons", 20700, "actual")}),
    # the plan between a figure and its trigger
    ("巧家、盐津、大关、永善、鲁甸5个县力争脱贫摘帽。", {("poverty_counties_exited", 5, "target")}),
    ("全市今年将减少贫困人口18万人。", {("poverty_exit_persons", 180000, "target")}),
    # a large figure with no measure word counts what the words before it name
    ("今年全省计划减少农村贫困人口110万。", {("poverty_exit_persons", 1100000, "target")}),
    ("全县脱贫人数达1.3万。", {("poverty_exit_persons", 13000, "actual")}),
    # an approximation between the digits and the multiplier
    ("全市“十三五”期间减贫80余万人。", {("poverty_exit_persons", 800000, "actual")}),
    # east-west cooperation and paired aid (set w): the aid is poverty funds, jobs found are placements
    ("去年,广州市共向我州拨付财政帮扶资金6.82亿元。", {("poverty_funds", 682000000, "actual")}),
    ("2017年,福建省投入西吉县闽宁协作资金9860万元,今年上半年又有4200万元帮扶资金到位。",
     {("poverty_funds", 98600000, "actual"), ("poverty_funds", 42000000, "actual")}),
    ("苏州累计向铜仁投入财政帮扶资金18.47亿元,今年以来投入5.12亿元,实施各类帮扶项目1160个。",
     {("poverty_funds", 1847000000, "actual"), ("poverty_funds", 512000000, "actual")}),
    ("帮助铜仁5.8万名建档立卡贫困劳动力实现就业。", {("labor_transferred", 58000, "actual")}),
    ("帮助云南农村贫困劳动力实现就业12.83万人。", {("labor_transferred", 128300, "actual")}),
    ("力争全年帮助1万名贫困群众转移到浙江就业。", {("labor_transferred", 10000, "target")}),
    ("在深圳就业的凌云籍贫困劳动力达到3128人。", {("labor_transferred", 3128, "actual")}),
    ("全县实现43个贫困村销号。", {("poverty_villages_exited", 43, "actual")}),
    # statistical releases (set x)
    ("全省24个贫困县(区)经评估达到退出条件。", {("poverty_counties_exited", 24, "actual")}),
    ("2019年末,全国农村贫困人口551万人。", {("remaining_poor_persons", 5510000, "actual")}),
    ("至2019年底,全县贫困村全部出列,未脱贫人口仅剩533户1146人。",
     {("remaining_poor_households", 533, "actual"), ("remaining_poor_persons", 1146, "actual")}),
    # the transition years (set z): jobs found for the ex-poor (脱贫劳动力) are placements, not exits;
    # 衔接资金 are poverty funds
    ("今年已帮助4.12万名脱贫劳动力外出务工就业。", {("labor_transferred", 41200, "actual")}),
    ("去年帮助1.87万名脱贫劳动力转移到浙江、广东、福建等地就业。", {("labor_transferred", 18700, "actual")}),
    ("县人社局上半年帮助2316名脱贫劳动力实现就近就业。", {("labor_transferred", 2316, "actual")}),
    ("今年全县投入财政衔接推进乡村振兴补助资金3.26亿元。", {("poverty_funds", 326000000, "actual")}),
    # a figure the rule cannot measure, after a comma, ends its run: 190.8万人 is the relocation's
    ("“十三五”期间,全省实施易地扶贫搬迁190.8万人,66个贫困县全部脱贫摘帽。",
     {("relocated_persons", 1908000, "actual"), ("poverty_counties_exited", 66, "actual")}),
    # social poverty alleviation (set ab)
    ("全县3890人已实现转移就业。", {("labor_transferred", 3890, "actual")}),
    ("扶贫车间吸纳426名贫困劳动力在家门口就业。", {("labor_transferred", 426, "actual")}),
    ("全省参与企业安置贫困群众就业11.2万人。", {("labor_transferred", 112000, "actual")}),
    ("全县贫困人口已减少到4.55万人。", {("remaining_poor_persons", 45500, "actual")}),
    ("已帮助搬迁群众中的2316名劳动力实现转移就业。", {("labor_transferred", 2316, "actual")}),
    # industry and safety-net pieces (sets ac, ad)
    ("通榆县完成危改3210户。", {("dilapidated_houses_renovated", 3210, "actual")}),
    ("全县将确保6月底前剩余1436户危房改造全部竣工验收。", {("dilapidated_houses_renovated", 1436, "target")}),
    ("“十三五”期间,全县累计改造农村C、D级危房1.6万户。", {("dilapidated_houses_renovated", 16000, "actual")}),
    ("全县景区和旅游企业共吸纳贫困劳动力就业3417人。", {("labor_transferred", 3417, "actual")}),
    ("全县尚未脱贫的还有4312户9860人。",
     {("remaining_poor_households", 4312, "actual"), ("remaining_poor_persons", 9860, "actual")}),
    # county-by-county round-ups (set ae)
    ("德保、凌云、西林、田林、靖西5个县(市)经自治区批准脱贫摘帽。", {("poverty_counties_exited", 5, "actual")}),
    ("金川县、小金县、黑水县、松潘县、茂县、九寨沟县6县达到贫困县退出标准,省政府已批准退出。",
     {("poverty_counties_exited", 6, "actual")}),
    ("到2020年底,全市254个省定相对贫困村全部出列。", {("poverty_villages_exited", 254, "actual")}),
    # a figure of another unit before them does not hide the counties a sentence says exited
    ("贫困发生率从上年末的5.96%降至1.36%,晴隆、册亨两县经省政府批准退出贫困县序列。",
     {("poverty_incidence_rate", 5.96, "baseline"), ("poverty_incidence_rate", 1.36, "actual"),
      ("poverty_counties_exited", 2, "actual")}),
])
def test_constructions(extractor, sentence, expected):
    assert facts_of(extractor, sentence) == expected


@pytest.mark.parametrize("sentence", [
    "聚焦“收入达到4200元以上”标准,算好贫困户收入账。",          # a threshold (seed 003)
    "嚴防邊緣戶人均純收入低於4200元。".translate(str.maketrans("嚴邊緣戶純於", "严边缘户纯于")),
    "重大疾病贫困户报销比例提高到90%。",                           # another ratio (seed 000)
    "新建优质果园7.4万亩、标准化养殖场11个。",                     # outside the taxonomy (seed 002)
    "驻村帮扶干部培训101期,合计14131人次。",                       # the figure is past the clause of 培训
    "市本级派出“大篷车”下乡医疗队64支,帮扶群众3674人次。",          # person-times of help (seed 000)
    "全年减贫3200人次。",                                          # only trainings and placements count visits
    "全县共减贫****万人。",                                       # masked digits
    "全县共减贫65438+6600万人。",                                 # digits broken by corruption
    "确定专职扶贫专干5—10名,全县减贫5—10万人。",                   # ranges state no single figure (seed 002)
    "贫困户、贫困人口分别占全县总户数、总人口的12.3%、11.5%。",      # shares are not incidence rates
    "全县农村居民人均可支配收入达到12000元。",                      # all rural residents, not the poor
    "审计发现扶贫资金违规使用问题资金共计120万元。",                  # misused funds are not funds invested
    "累计追回扶贫资金120万元。",
    "1200名贫困群众外出务工收入达到3000万元。",                      # earnings, not placements
    "为300名扶贫干部举办培训班。",
    "对全市65个贫困村驻村帮扶工作队200名工作队员进行了集中培训。",    # cadres trained (seed 004)
    "200名干部帮助贫困劳动力转移就业。",
    "全村32户贫困户已全部脱贫。",                                    # one village (rule 1)
    "该村贫困发生率由35%降至0.8%。",
    "村里有贫困户45户,目前已有40户脱贫。",
    "贫困户王大爷家人均纯收入达到1.2万元。",                          # one household's income
    "严防已脱贫户人均收入低于4200元。",                              # a threshold (seed 003)
    "54个贫困村的贫困人口全部脱贫。",                                 # the people, not the villages
    "全县5个贫困村脱贫任务艰巨。",
    "全县脱贫攻坚推进会有300人参加。",
    "外出务工的3名贫困户子女返乡创业。",
    "完成1097户非建卡特殊困难户安全住房建设。",                        # not registered (seed 003)
    "非建档立卡贫困户1200户纳入监测。",
    # a count per household is a ratio, not a count
    "搬迁群众户均1人以上实现就业。",
    # how much a figure changed is not what it came to
    "全县贫困发生率同比下降了5.2%。",
    "全县扶贫资金比上年增加2000万元。",
    "全年减贫人数比上年增加1200人。",
    # a village by name is an anecdote; so is a village called 这个村子
    "十八洞村有225户939人,2013年时有建档立卡贫困户136户533人。",
    "老姆登村的贫困发生率由2014年的38%降至去年底的0.8%。",
    "这个曾经风沙肆虐的村子,2014年有建档立卡贫困户205户、757人。",
    # 还有 of people who are not said to be poor
    "全县还有2000多户群众住在地质灾害隐患点上。",
    # more than an amount is a bar to clear
    "贫困户人均纯收入必须稳定超过4000元。",
    # the poor a programme reached or an action served are not the registered poor
    "全县带动1200户建档立卡贫困户增收。",
    "为2.3万名建档立卡贫困人口购买医疗保险。",
    "受益建档立卡贫困户1.2万户。",
    "11226名干部帮扶1.64万户建档立卡贫困户。",             # seed 004
    "全县共有1.2万户建档立卡贫困户纳入产业扶持范围。",
    "全县贫困发生率下降15.2个百分点。",                     # a change in points, not a rate
    "全县农民收入增长1.2万。",                               # a bare figure of nothing the taxonomy counts
    # a bar and a band of rates, a sample, one village under its nickname, room, one household's loan (sets x, y)
    "各省贫困发生率普遍下降至2.2%及以下。",
    "贫困发生率在0.5%至1%之间的省份有7个。",
    "据对全县300户建档立卡贫困户的抽样调查,贫困户收入持续增长。",
    "支尔莫乡阿土列尔村(“悬崖村”)84户建档立卡贫困户全部搬进县城集中安置点。",
    "镇雄县“十三五”期间共建成集中安置点52个,其中县城安置区可容纳近8万人。",
    "今年全县扶贫小额信贷户均贷款额度达到5万元。",
    # houses whose work has begun, the members of one scheme, one workshop's jobs (sets ac, ad, c)
    "全市农村危房改造已开工5270户。",
    "入社贫困户户均增收6500元。",
    "在车间务工的贫困户户均年增收1.1万元。",
    "在拿山镇一家竹制品企业,负责人说,企业吸纳贫困劳动力就业45人。",
    "车间负责人介绍,这里吸纳贫困劳动力就业45人,人均月工资2000元以上。",
])
def test_not_facts(extractor, sentence):
    assert facts_of(extractor, sentence) == set()


def test_region_and_year_resolution(extractor):
    text = ("四平市坚持党委政府齐抓共管。2017年,全市转移就业2978人。"
            "双辽市去年实施易地扶贫搬迁安置784户。")
    facts = {f.indicator_code: f for f in extractor.extract(text, "四平:“三位一体”脱贫攻坚",
                                                              datetime(2018, 3, 26))}
    assert facts["labor_transferred"].adcode == "220300" and facts["labor_transferred"].period_year == 2017
    assert facts["relocated_households"].adcode == "220382"  # 双辽市 names its own figure
    assert facts["relocated_households"].period_year == 2017  # 去年 against the published year


def test_a_sentence_keeps_its_subject_and_a_level_word_its_kind(extractor):
    county = extractor.gazetteer.get("530627")  # 镇雄县, 昭通市, 云南省
    text = ("昭通市2019年共减贫25.6万人,贫困发生率降至3.8%。全省贫困发生率降至1.32%。"
            "吉林日报3月26日讯:贫困发生率降至2.4%。")
    regions = {f.value: f.adcode for f in extractor.extract(text, None, None, county)}
    assert regions == {256000: "530600", 3.8: "530600", 1.32: "530000", 2.4: "530627"}


def test_each_figure_of_a_list_takes_its_own_region_and_year(extractor):
    facts = extractor.extract("2019年,甘州区、临泽县分别减贫1200人、800人。")
    assert {(f.value, f.adcode, f.period_year) for f in facts} == {(1200, "620702", 2019), (800, "620723", 2019)}
    facts = extractor.extract("2018年、2019年分别减贫1200人、800人。")
    assert {(f.value, f.period_year) for f in facts} == {(1200, 2018), (800, 2019)}


def test_a_span_since_a_year_runs_to_the_published_year(extractor):
    (fact,) = extractor.extract("2016年以来,全县累计投入各类扶贫资金23.6亿元。", None, datetime(2019, 6, 1))
    assert fact.period_year == 2019
    (fact,) = extractor.extract("2016年,全县投入各类扶贫资金23.6亿元。", None, datetime(2019, 6, 1))
    assert fact.period_year == 2016


def test_the_end_of_a_change_does_not_take_the_starting_year(extractor):
    facts = extractor.extract("全县贫困人口由2014年底的5.6万人减少至1234人。", None, datetime(2019, 6, 1))
    assert {(f.qualifier, f.period_year) for f in facts} == {("baseline", 2014), ("actual", 2019)}
    facts = extractor.extract("2018年,全县贫困发生率由2.1%降至0.4%。", None, datetime(2019, 6, 1))
    assert {(f.qualifier, f.period_year) for f in facts} == {("baseline", 2018), ("actual", 2018)}


def test_a_second_change_of_a_sentence_starts_when_the_first_does(extractor):
    facts = extractor.extract("全省贫困人口从2012年底的486万人减少到2019年底的16.9万人,"
                              "贫困发生率从18.1%下降到0.6%。", None, datetime(2020, 5, 1))
    assert {(f.value, f.qualifier, f.period_year) for f in facts if f.indicator_code == "poverty_incidence_rate"} \
        == {(18.1, "baseline", 2012), (0.6, "actual", 2019)}


def test_a_change_since_a_year_that_names_no_start_year_is_dated_as_its_end(extractor):
    # (sets l and q: 2014年以来,海原县累计减少贫困人口…,贫困发生率由31.5%下降至0.36% gives both 2020)
    facts = extractor.extract("2014年以来,全县贫困发生率由18.6%降至0.1%。", None, datetime(2020, 5, 1))
    assert {(f.qualifier, f.period_year) for f in facts} == {("baseline", 2020), ("actual", 2020)}
    facts = extractor.extract("2014年以来,全县贫困发生率由2014年的18.6%降至0.1%。", None, datetime(2020, 5, 1))
    assert {(f.qualifier, f.period_year) for f in facts} == {("baseline", 2014), ("actual", 2020)}


def test_a_year_compared_against_is_not_the_figures_year(extractor):
    (fact,) = extractor.extract("全县贫困户人均纯收入达到8900元,较2015年增长了150%。", None, datetime(2020, 5, 1))
    assert fact.period_year == 2020


def test_the_end_of_a_change_takes_its_relative_year(extractor):
    facts = extractor.extract("全县贫困人口由2014年底的5.6万人减少到去年的1234人。", None, datetime(2020, 5, 1))
    assert {(f.value, f.period_year) for f in facts} == {(56000, 2014), (1234, 2019)}
    facts = extractor.extract("全县贫困村由2014年的78个减少到目前的5个。", None, datetime(2020, 5, 1))
    assert {(f.value, f.period_year) for f in facts} == {(78, 2014), (5, 2020)}


def test_an_undated_article_is_dated_by_the_campaign_calendar(extractor):
    # seed 003 has no date, but 今年是决战决胜脱贫“摘帽”大考之年 places it in 2020
    text = "今年是决战决胜脱贫“摘帽”大考之年。到今已累计退出贫困村197个,现在还剩下11个贫困村。"
    assert {f.period_year for f in extractor.extract(text)} == {2020}
    assert {f.period_year for f in extractor.extract(text.replace("今年是决战决胜", "今年"))} == {None}


def test_nationwide_figures_belong_to_the_country(extractor):
    facts = extractor.extract("全国农村贫困人口减贫1000万人以上,全国贫困发生率降至1.7%。")
    assert {(f.indicator_code, f.adcode) for f in facts} == {("poverty_exit_persons", "100000"),
                                                            ("poverty_incidence_rate", "100000")}


def test_a_count_at_least_is_a_rough_figure_but_an_amount_or_share_so_written_a_standard(extractor):
    (fact,) = extractor.extract("全县累计减贫2万人以上。")
    assert (fact.value, fact.approximate) == (20000, True)
    assert extractor.extract("贫困户人均纯收入达到4200元以上。") == []
    assert extractor.extract("贫困发生率降至2%以下。") == []


def test_evidence_and_offsets_point_into_the_text(extractor):
    text = "吉林日报3月26日讯:到2017年年底,实现16153人稳定脱贫,贫困发生率降至2.4%。"
    for fact in extractor.extract(text):
        assert text[fact.char_start:fact.char_end] == fact.raw_text
        assert fact.raw_text in fact.evidence and fact.evidence in text


def test_duplicates_collapse(extractor):
    text = "户均增收3000元。贫困户户均增收3000元。"
    assert len(extractor.extract(text)) == 1


def test_an_indicator_added_through_data_alone(tmp_path, extractor):
    import shutil
    for name in ("indicators.csv", "lexicon.csv", "regions.csv"):
        shutil.copy(SEEDS / name, tmp_path / name)
    with open(tmp_path / "indicators.csv", "a", encoding="utf-8") as f:
        f.write("toilets_renovated,改厕户数,Household toilets renovated,household,input,改厕X户,true\n")
    with open(tmp_path / "lexicon.csv", "a", encoding="utf-8") as f:
        f.write("toilets_renovated,改厕…{Q},,\n")
    custom = Extractor(Lexicon.from_dir(tmp_path), extractor.gazetteer)
    assert facts_of(custom, "全市完成改厕30610户。") == {("toilets_renovated", 30610, "actual")}
    assert facts_of(extractor, "全市完成改厕30610户。") == set()


def test_lexicon_rejects_unknown_indicators(tmp_path):
    import shutil
    shutil.copy(SEEDS / "indicators.csv", tmp_path / "indicators.csv")
    (tmp_path / "lexicon.csv").write_text("indicator_codes,pattern,context,exclude\nno_such,X{Q},,\n",
                                          encoding="utf-8")
    with pytest.raises(ValueError, match="no_such"):
        Lexicon.from_dir(tmp_path)


def test_each_end_of_a_change_takes_its_own_year(extractor):
    facts = extractor.extract("全县贫困人口由2014年的3.2万人减少到2019年的1200人。")
    assert {(f.qualifier, f.period_year) for f in facts} == {("baseline", 2014), ("actual", 2019)}


def test_a_group_of_named_places_is_not_its_last_name(extractor):
    city = extractor.gazetteer.get("530600")  # 昭通市
    (fact,) = extractor.extract("今年,鲁甸县、巧家县等6个县(区)退出贫困县序列。", None, None, city)
    assert fact.adcode == "530600"


def test_a_breakdown_takes_the_year_of_the_sentence_it_breaks_down(extractor):
    facts = extractor.extract("昭通市2019年共减贫22.9万人。其中,镇雄县减贫7.22万人。", None, datetime(2020, 11, 20))
    assert {(f.value, f.adcode, f.period_year) for f in facts} == {(229000, "530600", 2019),
                                                                   (72200, "530627", 2019)}


def test_a_later_changes_starting_year_does_not_date_the_figures_before_it(extractor):
    facts = extractor.extract("三年来,全县脱贫2.3万户,贫困发生率由2014年的10.6%下降到1.27%。", None,
                              datetime(2017, 3, 28))
    years = {(f.indicator_code, f.qualifier): f.period_year for f in facts}
    assert years[("poverty_exit_households", "actual")] == 2017
    assert years[("poverty_incidence_rate", "baseline")] == 2014


def test_a_figure_for_a_year_after_the_article_is_a_target(extractor):
    facts = extractor.extract("到2020年,全县实现2.3万贫困人口全部脱贫。2016年全县减贫5200人。", None,
                              datetime(2017, 6, 20))
    assert {(f.value, f.qualifier, f.period_year) for f in facts} == {(23000, "target", 2020),
                                                                      (5200, "actual", 2016)}


def test_a_year_the_title_names_is_the_year_the_article_reports_on(extractor):
    (fact,) = extractor.extract("全年培训贫困劳动力2860人次。", "关于2019年全县脱贫攻坚工作的报告", datetime(2020, 1, 8))
    assert fact.period_year == 2019


def test_a_government_work_report_reports_on_the_year_before_it_is_given(extractor):
    title = "政府工作报告——2021年1月26日在花垣县第十七届人民代表大会第六次会议上"
    facts = extractor.extract("过去五年,全县累计减贫16805户69218人,71个贫困村全部出列。"
                              "今年,确保脱贫人口稳定增收,力争完成转移就业3万人。", title, datetime(2021, 2, 3))
    assert {(f.value, f.period_year, f.qualifier) for f in facts} == {
        (16805, 2020, "actual"), (69218, 2020, "actual"), (71, 2020, "actual"), (30000, 2021, "target")}


def test_names_listed_right_before_a_count_are_a_group_and_no_sentence_subject(extractor):
    city = extractor.gazetteer.get("141100")  # 吕梁市
    facts = extractor.extract("2017年,岚县、方山县2个国定贫困县顺利摘帽,贫困发生率下降到11.2%。", None, None, city)
    assert {f.value: f.adcode for f in facts} == {2: "141100", 11.2: "141100"}


def test_a_list_of_places_in_the_clause_before_its_figures(extractor):
    facts = extractor.extract("镇雄、彝良、鲁甸三县,2018年分别减贫51200人、23800人和16600人。", None, None,
                              extractor.gazetteer.get("530600"))
    assert {f.value: f.adcode for f in facts} == {51200: "530627", 23800: "530628", 16600: "530621"}


def test_a_group_named_under_a_provinces_announcement_belongs_to_the_province(extractor):
    county = extractor.gazetteer.get("520526")  # 威宁彝族回族苗族自治县, 毕节市, 贵州省
    (fact,) = extractor.extract("贵州省人民政府发布公告,威宁彝族回族苗族自治县等9个县退出贫困县序列。", None, None, county)
    assert (fact.indicator_code, fact.value, fact.adcode) == ("poverty_counties_exited", 9, "520000")


@pytest.mark.parametrize("text, published, expected", [
    # a change's starting year dates its baseline only, not the figures after it in the sentence
    ("2017年,全市减贫10.6万人,贫困发生率由2016年底的7.2%降至3.8%,全年退出贫困村412个。", 2018,
     {106000: 2017, 7.2: 2016, 3.8: 2017, 412: 2017}),
    # 去年 as the start of a change: its end is now
    ("截至目前,贫困发生率由去年底的8.9%降至3.2%。", 2017, {8.9: 2016, 3.2: 2017}),
    # a year in Chinese numerals
    ("二〇一八年工作安排:力争减贫1.3万人。", 2018, {13000: 2018}),
    # a day of this year, and 至此
    ("4月26日,全省宣布7个县正式退出贫困县序列。至此,全省25个贫困县全部脱贫摘帽。", 2020, {7: 2020, 25: 2020}),
    # a span of years written with both 年
    ("2016年至2019年,全省累计投入财政专项扶贫资金386.9亿元。", 2020, {38690000000: 2019}),
])
def test_period_years(extractor, text, published, expected):
    facts = extractor.extract(text, None, datetime(published, 6, 1))
    assert {f.value: f.period_year for f in facts} == expected


@pytest.mark.parametrize("text, published, expected", [
    ("明年,南江县将实现剩余45个贫困村退出、1.6万贫困人口脱贫。", 2017, {45: 2018, 16000: 2018}),
    ("2014年,县委作出承诺:“三年脱贫。”那一年,全县建档立卡贫困人口77350人。", 2017, {77350: 2014}),
    ("今年以来,全县建档立卡贫困户人均纯收入达到9768元,较上年增长12.6%。", 2020, {9768: 2020}),
    ("今年,全县计划减贫5900人、退出贫困村26个,明年实现整县摘帽。", 2018, {5900: 2018, 26: 2018}),
    # a year in a later clause of the sentence is not the figure's
    ("建成集中安置点28个,安置1623户5872人,完成“十三五”搬迁任务的103%。", 2019, {1623: 2019, 5872: 2019}),
    ("全县剩余贫困人口1246户3562人,将于2019年全部实现脱贫。", 2019, {1246: 2019, 3562: 2019}),
])
def test_relative_years(extractor, text, published, expected):
    facts = extractor.extract(text, None, datetime(published, 12, 20))
    assert {f.value: f.period_year for f in facts} == expected


def test_the_nearer_of_a_year_and_a_relative_time_dates_a_figure(extractor):
    text = "根据《阜平县脱贫攻坚规划(2016—2020年)》,今年全县计划减贫2.02万人,出列贫困村48个。"
    facts = {f.value: (f.period_year, f.qualifier) for f in extractor.extract(text, None, datetime(2016, 2, 26))}
    assert facts == {20200: (2016, "target"), 48: (2016, "target")}


def test_a_whole_years_figures_take_the_year_the_sentence_before_speaks_of(extractor):
    text = "会议指出,去年全县脱贫攻坚取得重大进展。全年减少贫困人口1.12万人,退出贫困村46个。"
    facts = {f.value: f.period_year for f in extractor.extract(text, "通渭县召开2019年脱贫攻坚誓师大会",
                                                                datetime(2019, 2, 22))}
    assert facts == {11200: 2018, 46: 2018}


def test_a_plan_without_a_year_is_for_the_year_written(extractor):
    text = "2019年,全市减贫4.2万人。2019年全市贫困发生率降至1.2%。全市将确保剩余4.1万贫困人口全部脱贫。"
    facts = {f.value: (f.period_year, f.qualifier) for f in extractor.extract(text, None, datetime(2020, 1, 10))}
    assert facts[41000] == (2020, "target") and facts[42000] == (2019, "actual")


def test_section_headings_date_the_figures_under_them(extractor):
    text = ("一、2017年工作回顾\n全年实现减贫11385户28647人。\n二、存在问题\n全县还有18230名贫困人口尚未脱贫。\n"
            "三、2018年工作安排\n确保实现1.1万贫困人口脱贫。")
    facts = {f.value: (f.period_year, f.qualifier) for f in extractor.extract(text, None, datetime(2018, 1, 29))}
    assert facts == {11385: (2017, "actual"), 28647: (2017, "actual"), 18230: (2017, "actual"),
                     11000: (2018, "target")}


def test_a_plan_period_still_running_is_no_target_when_done(extractor):
    (households, persons) = extractor.extract("“十三五”期间,全县易地扶贫搬迁6192户17826人已全部搬迁入住。", None,
                                              datetime(2019, 12, 20))
    assert households.qualifier == persons.qualifier == "actual" and households.period_year == 2020


def test_a_place_closing_the_clause_before_is_the_figures_subject(extractor):
    city = extractor.gazetteer.get("360800")  # 吉安市
    (fact,) = extractor.extract("与井冈山相邻的遂川县,去年退出贫困村19个。", None, datetime(2017, 3, 1), city)
    assert fact.adcode == "360827"


def test_the_ends_of_changes_do_not_make_the_reporting_year(extractor):
    text = ("全县贫困发生率由2014年的26.3%降至2019年底的1.06%。贫困人口人均纯收入由2015年的2650元增加到2019年的9480元。"
            "五年来,全县累计投入各类扶贫资金138.5亿元。")
    facts = {f.value: f.period_year for f in extractor.extract(text, None, datetime(2020, 12, 3))}
    assert facts[13850000000] == 2020


def test_a_goal_named_then_spelled_out_is_a_target_but_one_reached_is_not(extractor):
    planned = extractor.extract("今年的目标任务很明确,就是剩余的6735户21409人全部脱贫、剩余58个贫困村全部退出。")
    assert {f.qualifier for f in planned} == {"target"} and len(planned) == 3
    (done,) = extractor.extract("全县圆满完成年度目标任务,减贫5200人。")
    assert done.qualifier == "actual"


def test_a_goal_said_met_plans_nothing_after_it_nor_does_a_slogans_要(extractor):
    done = facts_of(extractor, "会上通报,2017年我县脱贫攻坚各项目标任务全面完成,全年实现12356户35612人稳定脱贫,"
                               "42个贫困村顺利出列。")  # set af
    assert {q for _, _, q in done} == {"actual"} and len(done) == 3
    slogan = facts_of(extractor, "去年,花垣县以“首倡之地要有首倡之为”的担当,全力打好精准脱贫攻坚战,全县减贫7925户29560人。")
    assert slogan == {("poverty_exit_households", 7925, "actual"), ("poverty_exit_persons", 29560, "actual")}
    # a quoted speech still plans its own figures (set q)
    speech = facts_of(extractor, "“今年全县要实现4.1万人脱贫,这是必须啃下的硬骨头。”县委书记告诉记者。")
    assert speech == {("poverty_exit_persons", 41000, "target")}


def test_shares_and_decimals_written_in_words(extractor):
    assert facts_of(extractor, "截至去年底,全县贫困发生率已降至百分之十四点二。") == {
        ("poverty_incidence_rate", 14.2, "actual")}  # set af
    assert facts_of(extractor, "贫困发生率由百分之二十三点五降至零点九%。") == {
        ("poverty_incidence_rate", 23.5, "baseline"), ("poverty_incidence_rate", 0.9, "actual")}
    text = "全县贫困发生率降至百分之十四点二。"
    (fact,) = extractor.extract(text)
    assert text[fact.char_start:fact.char_end] == fact.raw_text == "百分之十四点二"


def test_villages_left_and_teams_sent_in_a_list(extractor):
    assert facts_of(extractor, "目前,全市还有9.52万贫困人口未脱贫、150个贫困村未出列。") == {
        ("remaining_poor_persons", 95200, "actual"), ("remaining_poor_villages", 150, "actual")}  # set af
    assert facts_of(extractor, "全县选派135支驻村扶贫工作队、405名工作队员常驻贫困村。") == {
        ("village_work_teams", 135, "actual")}
    assert facts_of(extractor, "全年共有3.26万户14.07万名贫困群众越线脱贫。") == {
        ("poverty_exit_households", 32600, "actual"), ("poverty_exit_persons", 140700, "actual")}


def test_clauses_that_go_on_a_places_figure_for_other_places_take_its_indicator(extractor):
    text = ("记者从市住建局获悉,2017年,全市共完成农村危房改造12460户。分县(市、区)看,通榆县完成危改3210户,"
            "洮南市完成2860户,大安市完成2475户。")  # set ad
    facts = extractor.extract(text, None, datetime(2018, 1, 20), extractor.gazetteer.get("220800"))
    assert {(f.indicator_code, f.value, f.adcode, f.period_year) for f in facts} == {
        ("dilapidated_houses_renovated", 12460, "220800", 2017), ("dilapidated_houses_renovated", 3210, "220822", 2017),
        ("dilapidated_houses_renovated", 2860, "220881", 2017), ("dilapidated_houses_renovated", 2475, "220882", 2017)}
    assert facts_of(extractor, "阜平县减贫6135人,涞源县9812人,曲阳县完成7000户。") == {
        ("poverty_exit_persons", 6135, "actual"), ("poverty_exit_persons", 9812, "actual")}
    # other words, or another unit, are another statement
    assert facts_of(extractor, "阜平县减贫6135人,涞源县新建住房9812人。") == {("poverty_exit_persons", 6135, "actual")}


def test_a_place_after_a_time_or_where_something_happens_is_the_sentences_subject(extractor):
    province = extractor.gazetteer.get("620000")  # a provincial daily's story of three counties (set ab)
    text = ("据统计,2019年康乐县减贫2016户8975人,剩余贫困人口1106户4212人,贫困发生率下降到1.58%。"
            "去年,集团在康乐县开设建筑工匠培训班,培训贫困劳动力870人。"
            "中建集团相关负责人表示,今年将在康乐县再投入帮扶资金2500万元,重点支持扶贫车间。")
    facts = extractor.extract(text, None, datetime(2020, 1, 10), province)
    assert len(facts) == 7 and {f.adcode for f in facts} == {"622922"}


def test_a_bare_count_is_of_what_its_words_or_the_sentences_topic_name_not_of_a_countys_name(extractor):
    text = "贫困村退出方面,洛南退出31个、山阳退出28个,数量居前两位。"  # set ae
    facts = extractor.extract(text, None, datetime(2018, 1, 5), extractor.gazetteer.get("611000"))
    assert {(f.indicator_code, f.value, f.adcode) for f in facts} == {
        ("poverty_villages_exited", 31, "611021"), ("poverty_villages_exited", 28, "611024")}
    assert facts_of(extractor, "洛南县退出31个。") == set()  # 31 of what: not counties
    assert facts_of(extractor, "全省有4个县摘帽,贫困县(区)摘帽4个。") == {("poverty_counties_exited", 4, "actual")}


def test_a_name_beginning_with_和_in_a_list_is_one_label(extractor):
    city = extractor.gazetteer.get("441600")  # 河源市 (set ae)
    text = "紫金县、龙川县、和平县、连平县相对贫困人口分别脱贫2.35万人、2.91万人、2.68万人、1.52万人。和平县、东源县分别退出贫困村49个、37个。"
    facts = extractor.extract(text, None, datetime(2020, 12, 1), city)
    assert {(f.value, f.adcode) for f in facts} == {(23500, "441621"), (29100, "441622"), (26800, "441624"),
                                                    (15200, "441623"), (49, "441624"), (37, "441625")}
    # 有省定相对贫困村49个,全部如期出列: the count, then that all of them exited
    (exited,) = extractor.extract("和平县有省定相对贫困村49个,全部如期出列。", None, datetime(2020, 12, 1), city)
    assert (exited.indicator_code, exited.value, exited.adcode) == ("poverty_villages_exited", 49, "441624")


def test_so_far_is_the_time_just_named(extractor):
    def years(text, published):
        return {(f.value, f.period_year) for f in extractor.extract(text, None, published)}
    # the sentence before names its time (sets aa, b)
    assert years("二〇一九年,全县减贫5217户13846人。至此,全县161个贫困村已累计退出156个,还剩5个贫困村。",
                 datetime(2020, 1, 3)) == {(5217, 2019), (13846, 2019), (156, 2019), (5, 2019)}
    assert years("经省人民政府批准,保靖县、古丈县、永顺县、龙山县4县于今年3月正式脱贫摘帽。至此,我州8个县市全部实现脱贫摘帽。",
                 datetime(2020, 3, 5)) == {(4, 2020), (8, 2020)}
    # it names none: the time of writing (set t)
    assert years("经第三方评估,3个县均符合贫困县退出条件。至此,全州7个贫困县全部脱贫摘帽,累计退出贫困村1166个。",
                 datetime(2020, 11, 24)) == {(7, 2020), (1166, 2020)}


def test_a_sentences_time_is_its_heads_not_an_earlier_items(extractor):
    text = ("这位负责人用一组数据展示了脱贫攻坚成效:2016年至2019年,全省累计投入财政专项扶贫资金386.9亿元;"
            "“十三五”易地扶贫搬迁13.47万人任务全面完成;累计完成农村危房改造33.8万户;稳定转移就业贫困劳动力132.7万人。")  # set a
    years = {f.value: f.period_year for f in extractor.extract(text, None, datetime(2020, 4, 27))}
    assert years == {38690000000: 2019, 134700: 2020, 338000: 2019, 1327000: 2019}


def test_the_nations_figures_and_this_years_part_of_a_running_total(extractor):
    province = extractor.gazetteer.get("430000")  # set ad
    nation = extractor.extract("从全国看,农村贫困人口从2012年底的9899万人减少到2019年底的551万人。", None,
                               datetime(2020, 5, 1), province)
    assert {(f.value, f.adcode, f.qualifier) for f in nation} == {(98990000, "100000", "baseline"),
                                                                  (5510000, "100000", "actual")}
    parts = facts_of(extractor, "全县累计实施农村危房改造12380户,其中今年已完成3216户。")
    assert parts == {("dilapidated_houses_renovated", 12380, "actual"), ("dilapidated_houses_renovated", 3216, "actual")}


def test_a_table_set_out_with_single_spaces_and_its_units_in_its_title(extractor):
    from tuopin.clean import clean
    text = ("2018年我市脱贫攻坚取得决定性进展\n发布时间:2019-02-20 来源:市扶贫开发办公室\n"
            "记者从市扶贫办获悉,2018年,全市实现12.86万贫困人口脱贫,贫困发生率降至1.36%。\n"
            "2018年坝上四县减贫情况(单位:人、%)\n县别 脱贫人口 贫困发生率\n张北县 18652 0.82\n康保县 15230 0.94\n"
            "注:贫困发生率为2018年底数据。\n")  # set ai
    cleaned = clean(text)
    assert "张北县  18652  0.82" in cleaned.body_text  # the cells stay apart
    city = extractor.gazetteer.get("130700")
    facts = extractor.extract(cleaned.body_text, cleaned.title, cleaned.published_at, city)
    assert {(f.indicator_code, f.value, f.adcode, f.period_year) for f in facts} >= {
        ("poverty_exit_persons", 18652, "130722", 2018), ("poverty_incidence_rate", 0.82, "130722", 2018),
        ("poverty_exit_persons", 15230, "130723", 2018), ("poverty_incidence_rate", 0.94, "130723", 2018)}


def test_teams_listed_after_a_total_in_the_next_sentence_and_a_slogans_goal(extractor):
    text = ("2018年,全市各级驻村工作队紧扣“两不愁三保障”目标,吃住在村、真帮实扶,为全市实现6.53万贫困人口脱贫、"
            "236个贫困村退出作出了积极贡献。目前,全市共选派驻村工作队1392个。其中,汉滨区、旬阳县、紫阳县派驻工作队"
            "分别为218个、197个、163个。")  # set ai
    facts = extractor.extract(text, None, datetime(2019, 4, 22), extractor.gazetteer.get("610900"))
    assert {(f.indicator_code, f.value, f.adcode, f.qualifier) for f in facts} == {
        ("poverty_exit_persons", 65300, "610900", "actual"), ("poverty_villages_exited", 236, "610900", "actual"),
        ("village_work_teams", 1392, "610900", "actual"), ("village_work_teams", 218, "610902", "actual"),
        ("village_work_teams", 197, "610928", "actual"), ("village_work_teams", 163, "610924", "actual")}
    parts = facts_of(extractor, "目前,全市共投入帮扶资金1392万元。其中,汉滨区、旬阳县分别为218万元、197万元。")
    assert {value for _, value, _ in parts} == {13920000, 2180000, 1970000}


def test_a_long_since_span_dates_to_the_year_written_and_moved_workers_placed(extractor):
    (credit,) = extractor.extract("自2014年开展扶贫小额信贷工作以来,全县累计投放扶贫小额信贷11.63亿元。", None, datetime(2019, 7, 1))
    assert (credit.value, credit.period_year) == (1163000000, 2019)  # set ai
    assert facts_of(extractor, "累计帮助4.31万名搬迁劳动力实现就业。") == {("labor_transferred", 43100, "actual")}


def test_funds_over_a_span_of_years(extractor):
    text = "2020年,萧山区投入我县东西部扶贫协作资金1.12亿元;2017年至2020年累计投入3.86亿元,实施帮扶项目264个。"  # set w
    assert {(f.value, f.period_year) for f in extractor.extract(text, None, datetime(2020, 12, 1))} == {
        (112000000, 2020), (386000000, 2020)}


def test_a_roundups_sections_are_the_counties_their_headings_open_with(extractor):
    prefecture = extractor.gazetteer.get("433100")  # 湘西州 (set ak)
    text = ("编者按:本期快讯摘编部分乡镇一线的工作动态。\n▲永顺县石堤镇:“回头看”确保不漏一户\n"
            "目前,全镇1483户5621名贫困群众已全部稳定脱贫。\n▲保靖县葫芦镇:小额信贷“贷”出产业兴旺\n"
            "全镇累计发放扶贫小额信贷2365万元。\n▲双龙镇:劳务协作“输”出致富路\n今年以来全镇转移就业劳动力2160人。\n")
    facts = extractor.extract(text, None, datetime(2020, 11, 20), prefecture)
    assert {(f.value, f.adcode) for f in facts} == {(1483, "433127"), (5621, "433127"), (23650000, "433125"), (2160, None)}


def test_plans_of_one_village_and_the_years_task_and_a_goal_followed(extractor):
    township = facts_of(extractor, "今年全乡易地扶贫搬迁任务是326户1108人。我们村今年的任务是脱贫48户163人。")
    assert township == {("relocated_households", 326, "target"), ("relocated_persons", 1108, "target")}  # set ak
    assert facts_of(extractor, "2018年,岷县紧盯“一超过两不愁三保障”目标,全年减少贫困人口5386户23412人,退出贫困村62个。") == {
        ("poverty_exit_households", 5386, "actual"), ("poverty_exit_persons", 23412, "actual"),
        ("poverty_villages_exited", 62, "actual")}


def test_exits_dated_in_their_clause_and_certified(extractor):
    assert facts_of(extractor, "全乡13个贫困村已于2019年底前全部退出。") == {("poverty_villages_exited", 13, "actual")}
    assert facts_of(extractor, "截至目前,已有1093户4487人通过脱贫验收。") == {
        ("poverty_exit_households", 1093, "actual"), ("poverty_exit_persons", 4487, "actual")}  # set ak


def test_an_article_early_in_a_year_that_opens_with_the_year_before_reviews_it(extractor):
    def years(text, published):
        return {f.value: f.period_year for f in extractor.extract(text, None, published)}
    text = ("记者近日从县扶贫办获悉,2018年,岷县全年减少贫困人口5386户。\n资金投入持续加大。全县统筹投入各类扶贫资金11.37亿元。\n"
            "2019年岷县将全力推进脱贫摘帽,计划减贫3200户。")  # set ak
    assert years(text, datetime(2019, 1, 15)) == {5386: 2018, 1137000000: 2018, 3200: 2019}
    assert years(text, datetime(2019, 6, 15)) == {5386: 2018, 1137000000: 2019, 3200: 2019}
    opening = "去年,金寨县全年减少贫困人口2.06万人。\n全县统筹投入财政扶贫资金3.52亿元。"
    assert years(opening, datetime(2016, 3, 14)) == {20600: 2015, 352000000: 2015}
    # the campaign's poverty rate ended with it: 降至0 in an article of 2021 is 2020's
    assert years("贫困发生率从建档立卡之初的19.31%降至0。", datetime(2021, 3, 2)) == {19.31: 2020, 0: 2020}


def test_what_remains_now_is_no_plan_though_a_plan_for_it_follows(extractor):
    text = ("镇党委书记告诉记者,下一步,禾库镇将把防止返贫摆在突出位置,对全镇尚未脱贫的38户91人逐户落实帮扶措施,"
            "确保明年全部脱贫。")  # set ak
    facts = extractor.extract(text, None, datetime(2019, 12, 23))
    assert {(f.indicator_code, f.value, f.qualifier, f.period_year) for f in facts} == {
        ("remaining_poor_households", 38, "actual", 2019), ("remaining_poor_persons", 91, "actual", 2019)}
    # a count of what was done still takes the plan and the year after it
    (planned,) = extractor.extract("禾库镇将把产业摆在突出位置,新增转移就业300人,确保明年全部脱贫。", None, datetime(2019, 12, 23))
    assert (planned.qualifier, planned.period_year) == ("target", 2020)


def test_what_remains_is_the_poors_only_where_the_sentence_speaks_of_poverty(extractor):
    assert facts_of(extractor, "古昔夏朝有一个少康皇帝,他的天下都失了,只剩得五百人,终把天下恢复转来。") == set()  # a real page
    assert facts_of(extractor, "全县贫困村退出后,还剩5个贫困村。") == {("remaining_poor_villages", 5, "actual")}


def test_houses_finished_count_where_their_paragraph_names_the_works(extractor):
    text = "今年,全县计划完成农村危房改造4.2万户。截至6月底,已开工3.63万户,竣工18,560户,开工率达86.5%。"  # set r
    assert ("dilapidated_houses_renovated", 18560, "actual") in facts_of(extractor, text)
    # the paragraph before is another's: 竣工 alone says nothing of which works
    assert facts_of(extractor, "全县计划完成农村危房改造4.2万户。\n截至6月底,安置房竣工1860户。") == {
        ("dilapidated_houses_renovated", 42000, "target")}


def test_people_sent_to_jobs_after_a_count_of_the_trained(extractor):
    text = "集团开设培训班,培训贫困劳动力870人,经考核合格后,其中560人被输送到中建各项目工地务工。"  # set ab
    assert facts_of(extractor, text) == {("persons_trained", 870, "actual"), ("labor_transferred", 560, "actual")}


def test_a_misspelled_county_gives_no_region_but_an_ambiguous_known_one_is_no_misspelling(extractor):
    city = extractor.gazetteer.get("610900")  # 安康市
    (misspelled,) = extractor.extract("平立县退出贫困村28个。", None, None, city)
    assert misspelled.adcode is None
    county = extractor.gazetteer.get("622926")  # 东乡族自治县; 东乡县 is also a former county of 江西
    facts = extractor.extract("去年,东乡县减贫4112户1.86万人。", None, None, county)
    assert {f.adcode for f in facts} == {"622926"}


def test_the_whole_county_in_a_prefectures_article_is_the_county_just_named(extractor):
    prefecture = extractor.gazetteer.get("533300")  # 怒江傈僳族自治州
    text = "福贡县是怒江州贫困程度最深的县之一。县扶贫办提供的数据显示,今年全县最后的4300户13600名贫困人口全部脱贫。"
    facts = extractor.extract(text, None, datetime(2020, 11, 1), prefecture)
    assert {f.adcode for f in facts} == {"533323"}


def test_a_paired_change_list_gives_each_place_its_figures(extractor):
    city = extractor.gazetteer.get("610600")  # 延安市
    facts = extractor.extract("延川县、宜川县贫困发生率分别由2014年底的19.3%、17.4%降至2018年底的0.75%和0.89%。",
                              None, None, city)
    assert {f.value: f.adcode for f in facts} == {19.3: "610622", 0.75: "610622", 17.4: "610630", 0.89: "610630"}


def test_a_named_places_share_under_qizhong_is_its_own_fact(extractor):
    city = extractor.gazetteer.get("520500")  # 毕节市
    facts = extractor.extract("目前,全市还剩余贫困人口4.57万人,其中威宁彝族回族苗族自治县剩余2.06万人。", None,
                              datetime(2020, 1, 16), city)
    assert {(f.value, f.adcode) for f in facts} == {(45700, "520500"), (20600, "520526")}


def test_a_group_a_provinces_government_announces_belongs_to_the_province(extractor):
    county = extractor.gazetteer.get("451228")  # 都安瑶族自治县
    (fact,) = extractor.extract("20日,自治区人民政府批准都安瑶族自治县、大化瑶族自治县等8个县退出贫困县序列。", None,
                                datetime(2020, 11, 21), county)
    assert fact.adcode == "450000"


def test_a_count_the_sentence_gives_nationwide_is_the_countrys(extractor):
    county = extractor.gazetteer.get("640422")  # 西吉县
    (fact,) = extractor.extract("放眼全国,832个贫困县中,截至今年初已有780个脱贫摘帽。", None, datetime(2020, 11, 17), county)
    assert (fact.value, fact.adcode) == (780, "100000")


def test_garbage_run_into_the_start_of_a_sentence_does_not_spoil_its_later_clauses(extractor):
    text = "基础设施明显改善。鍏ㄥ幙鑴辫传鏀诲潥鍙栧緱鍐冲畾鎬ф垚鏋滐紝鏍规嵁璁″垝,2017年全市将实现9.1万贫困人口脱贫。"
    assert find_mojibake(text)  # the garbage is seen as such, and runs into the clause 根据计划
    assert {(f.value, f.qualifier) for f in extractor.extract(text, None, datetime(2017, 3, 1))} == {(91000, "target")}
    assert extractor.extract("鍏ㄥ幙鑴辫传鏀诲潥鍙栧緱鍐冲畾鎬ф垚鏋滐紝全市减贫9.1万人。") == []


def test_a_giver_of_aid_is_not_whose_figure_it_is(extractor):
    county = extractor.gazetteer.get("621223")  # 宕昌县, set w
    body = ("2020年,城阳区投入我县财政帮扶资金6870万元。向青岛等地转移输出贫困劳动力1352人。"
            "镇海区帮助望谟县建设县城易地扶贫搬迁安置点,全年安置搬迁群众1620户。"
            "在积石山县,厦门市湖里区帮扶建设的易地扶贫搬迁集中安置点今年已安置搬迁群众1236户。"
            "天津市投入甘肃财政帮扶资金19.8亿元。")
    facts = extractor.extract(body, None, datetime(2020, 10, 22), county)
    assert {(f.indicator_code, f.value, f.adcode) for f in facts} == {
        ("poverty_funds", 68700000, "621223"), ("labor_transferred", 1352, "621223"),
        ("relocated_households", 1620, "522326"), ("relocated_households", 1236, "622927"),
        ("poverty_funds", 1980000000, "620000")}


@pytest.mark.parametrize("text, published, expected", [
    # 上年 of a change's start is the year before the change ends, not before the article was written
    ("2018年,毕节市贫困发生率由上年的10.55%下降到5.45%。", datetime(2019, 3, 5), {10.55: 2017, 5.45: 2018}),
    ("全年全县贫困发生率由上年末的6.01%下降至0.46%。", datetime(2020, 3, 20), {6.01: 2019, 0.46: 2020}),
])
def test_a_changes_start_last_year_is_the_year_before_its_end(extractor, text, published, expected):
    assert {f.value: f.period_year for f in extractor.extract(text, None, published)} == expected


def test_a_span_since_a_year_ends_now(extractor):
    facts = extractor.extract("自2017年结对以来,累计到位各类帮扶资金2.41亿元。", None, datetime(2020, 10, 22))
    assert [(f.value, f.period_year) for f in facts] == [(241000000, 2020)]


def test_places_parts_of_a_figure_are_each_their_places(extractor):
    province = extractor.gazetteer.get("620000")  # set ab
    text = "去年,中建集团向三县投入无偿帮扶资金6350万元,其中康乐县2340万元、卓尼县2110万元、康县1900万元;选派挂职干部5名。"
    facts = extractor.extract(text, None, datetime(2020, 3, 1), province)
    assert {(f.value, f.adcode) for f in facts if f.indicator_code == "poverty_funds"} >= {
        (23400000, "622922"), (21100000, "623022"), (19000000, "621224")}
    plan = ("“十三五”期间全市计划对2.86万名建档立卡贫困人口实施易地扶贫搬迁,任务主要集中在太行山深山区,"
            "其中阜平县6135人、涞源县9812人。")  # set aa: the 其中 clause need not follow the figure's own
    facts = extractor.extract(plan, None, datetime(2019, 5, 1), extractor.gazetteer.get("130600"))
    assert {(f.indicator_code, f.value, f.adcode) for f in facts} >= {
        ("relocated_persons", 6135, "130624"), ("relocated_persons", 9812, "130630")}


def test_a_tables_header_may_name_the_year_of_its_column(extractor):
    city = extractor.gazetteer.get("141100")  # 吕梁市, set ae
    body = ("重点县减贫情况如下:\n县别\t2018年减贫人数(万人)\t完成年度减贫任务(%)\n临县\t3.12\t104.2\n兴县\t2.47\t101.5\n")
    facts = extractor.extract(body, None, datetime(2019, 1, 29), city)
    assert {(f.indicator_code, f.value, f.adcode) for f in facts} == {
        ("poverty_exit_persons", 31200, "141124"), ("poverty_exit_persons", 24700, "141123")}


def test_a_table_of_villages_gives_no_facts(extractor):
    body = ("经验收,以下村达到退出标准:\n序号\t乡镇\t村名\t贫困户数\t贫困人口\t剩余贫困人口\t贫困发生率(%)\n"
            "1\t黄陂镇\t杨依村\t86\t327\t5\t1.21\n2\t黄陂镇\t山堂村\t74\t281\t4\t1.05\n")  # set aa
    assert extractor.extract(body, None, datetime(2017, 12, 1)) == []


def test_an_exit_a_later_article_reports_happened_by_the_campaigns_end(extractor):
    text = "“十三五”以来,全省232.3万建档立卡贫困人口全部脱贫,7746个贫困村全部出列,62个贫困县全部摘帽。"  # set ab
    facts = extractor.extract(text, None, datetime(2021, 5, 20))
    assert {f.period_year for f in facts} == {2020} and len(facts) >= 3


def test_a_unit_tables_year_columns_date_their_values(extractor):
    county = extractor.gazetteer.get("341524")  # 金寨县, set x
    body = ("现将2017年以来全县脱贫攻坚主要数据公布如下:\n指标\t单位\t2017年\t2018年\t2019年\n"
            "脱贫人口\t人\t18926\t14208\t6375\n年末贫困发生率\t%\t5.95\t2.06\t0.42\n"
            "农村常住居民人均可支配收入\t元\t11203\t12415\t13617\n")
    facts = extractor.extract(body, None, datetime(2020, 1, 6), county)
    assert {(f.indicator_code, f.value, f.period_year) for f in facts} == {
        ("poverty_exit_persons", 18926, 2017), ("poverty_exit_persons", 14208, 2018),
        ("poverty_exit_persons", 6375, 2019), ("poverty_incidence_rate", 5.95, 2017),
        ("poverty_incidence_rate", 2.06, 2018), ("poverty_incidence_rate", 0.42, 2019)}


def test_a_tables_rows_read_under_its_header_row(extractor):
    body = ("2019年各县脱贫情况如下:\n县(区)｜剩余贫困人口｜贫困发生率\n西吉县｜18080人｜4.87%\n"
            "县名\t减贫人数(人)\t退出贫困村(个)\n隆德县\t5230\t12\n")
    facts = extractor.extract(body, None, datetime(2020, 1, 10), extractor.gazetteer.get("640400"))
    got = {(f.indicator_code, f.value, f.adcode, f.period_year) for f in facts}
    assert got == {("remaining_poor_persons", 18080, "640422", 2019), ("poverty_incidence_rate", 4.87, "640422", 2019),
                   ("poverty_exit_persons", 5230, "640423", 2019), ("poverty_villages_exited", 12, "640423", 2019)}
    lines = body.splitlines()
    for f in facts:  # offsets point at the cell; the evidence is the column's header … the row
        header, row = f.evidence.split("…")
        assert body[f.char_start:f.char_end] == f.raw_text and row in lines and f.raw_text in row
        assert any(header in line for line in lines[:lines.index(row)])
    assert {f.evidence for f in facts if f.value == 5230} == {"减贫人数…隆德县\t5230\t12"}


def test_a_year_a_figure_prepares_for_does_not_date_it(extractor):
    facts = extractor.extract("全年通江县、南江县分别减贫3.42万人、2.87万人,为今年脱贫摘帽打下坚实基础。",
                              "巴中:2018年脱贫攻坚交出高分答卷", datetime(2019, 1, 11), extractor.gazetteer.get("511900"))
    assert {(f.value, f.period_year) for f in facts} == {(34200, 2018), (28700, 2018)}


def test_early_in_a_year_an_article_citing_last_year_reviews_it(extractor):
    body = ("记者从2月7日召开的全市脱贫攻坚工作会议上获悉,去年,我市共实现12561户43208人稳定脱贫。"
            "去年全市各级财政投入专项扶贫资金9.87亿元。全市建成集中安置点68个,完成搬迁3572户12950人。")
    early = extractor.extract(body, "三门峡市脱贫攻坚取得决定性进展", datetime(2018, 2, 8))
    assert {f.period_year for f in early if f.value == 3572} == {2017}
    late = extractor.extract(body, "三门峡市脱贫攻坚取得决定性进展", datetime(2018, 11, 8))
    assert {f.period_year for f in late if f.value == 3572} == {2018}


def test_how_much_more_than_last_year_is_no_fact(extractor):
    facts = extractor.extract("2018年全市减贫2.1万人,较上年多减贫3200人;投入扶贫资金3.2亿元,比去年多投入5000万元。",
                              None, datetime(2019, 1, 5))
    assert {f.value for f in facts} == {21000, 320000000}


def test_a_county_list_holding_a_name_that_is_also_a_word_is_a_group(extractor):
    bijie = extractor.gazetteer.get("520500")
    (fact,) = extractor.extract("2018年,大方、黔西2个县脱贫摘帽。", None, datetime(2019, 1, 5), bijie)
    assert fact.adcode == "520500"
    (fact,) = extractor.extract("2019年,镇雄、彝良、威信三县退出贫困县序列。", None, datetime(2020, 1, 5),
                                extractor.gazetteer.get("530600"))
    assert fact.adcode == "530600"
    (fact,) = extractor.extract("2019年,吕梁市13个县全部脱贫摘帽。", None, datetime(2020, 1, 5),
                                extractor.gazetteer.get("140000"))
    assert fact.adcode == "141100"  # a prefecture before its counties is no list


def test_a_bulletins_year_end_count_of_the_poor_is_what_remains(extractor):
    facts = extractor.extract("年末全市农村贫困人口2.31万人,比上年末减少8.95万人;贫困发生率0.29%。",
                              "2019年赣州市国民经济和社会发展统计公报", datetime(2020, 4, 10))
    assert {(f.indicator_code, f.value, f.period_year) for f in facts} == {
        ("remaining_poor_persons", 23100, 2019), ("poverty_incidence_rate", 0.29, 2019)}


def test_the_parts_a_qizhong_list_gives_of_the_figure_before_are_each_places_own(extractor):
    guizhou = extractor.gazetteer.get("520000")
    facts = extractor.extract("今年全省76.2万人搬迁任务已全面完成,其中毕节市、铜仁市分别为21.5万人、13.8万人。", None,
                              datetime(2018, 12, 20), guizhou)
    assert {(f.indicator_code, f.value, f.adcode, f.qualifier) for f in facts} == {
        ("relocated_persons", 762000, "520000", "actual"), ("relocated_persons", 215000, "520500", "actual"),
        ("relocated_persons", 138000, "520600", "actual")}
    # without a figure before it, the list counts nothing
    assert extractor.extract("其中毕节市、铜仁市分别为21.5万人、13.8万人。", None, datetime(2018, 12, 20), guizhou) == []


def test_a_speakers_tag_does_not_hide_the_sentences_subject(extractor):
    guizhou = extractor.gazetteer.get("520000")
    facts = extractor.extract("【发布人】威宁自治县“十三五”期间计划搬迁10.2万人,目前已搬迁入住8.6万人。", None,
                              datetime(2018, 12, 20), guizhou)
    assert {(f.value, f.adcode, f.qualifier) for f in facts} == {(102000, "520526", "target"),
                                                                (86000, "520526", "actual")}


def test_a_person_in_every_household_is_a_standard_not_a_count(extractor):
    assert facts_of(extractor, "确保有劳动力的搬迁家庭每户至少1人稳定就业。", datetime(2018, 12, 20)) == set()


def test_the_remaining_poor_all_lifted_out_this_year_is_a_target(extractor):
    assert facts_of(extractor, "全市剩余的9863户21567名贫困人口今年将全部脱贫。", datetime(2020, 9, 1)) >= {
        ("poverty_exit_households", 9863, "target"), ("poverty_exit_persons", 21567, "target")}


def test_a_table_with_a_unit_column_gives_each_row_its_indicator_and_unit(extractor):
    county = extractor.gazetteer.get("340828")  # 岳西县
    text = ("指标名称\t计量单位\t2018年\t比上年增减\n脱贫人口\t人\t8652\t-3215\n出列贫困村\t个\t20\t-6\n"
            "年末贫困发生率\t%\t0.47\t-2.29\n财政专项扶贫资金\t万元\t38520\t5630\n")
    facts = extractor.extract(text, "岳西县2018年国民经济和社会发展统计公报", datetime(2019, 3, 20), county)
    assert {(f.indicator_code, f.value, f.period_year) for f in facts} == {
        ("poverty_exit_persons", 8652, 2018), ("poverty_villages_exited", 20, 2018),
        ("poverty_incidence_rate", 0.47, 2018), ("poverty_funds", 385200000, 2018)}


def test_a_count_of_those_not_yet_lifted_out_is_what_remains(extractor):
    assert facts_of(extractor, "截至目前,全省还有2.17万未脱贫人口。", datetime(2020, 6, 1)) == {
        ("remaining_poor_persons", 21700, "actual")}


def test_households_moved_into_a_resettlement_town_are_relocated(extractor):
    assert facts_of(extractor, "全乡1233户5719人已全部搬进阿妹戚托小镇。", datetime(2019, 6, 1)) == {
        ("relocated_households", 1233, "actual"), ("relocated_persons", 5719, "actual")}


def test_the_number_of_loans_does_not_hide_their_amount(extractor):
    assert facts_of(extractor, "今年全乡发放扶贫小额信贷８６笔共４３０万元。", datetime(2019, 6, 1)) == {
        ("poverty_microcredit", 4300000, "actual")}


def test_relocated_people_trained_or_employed_are_no_relocation_count(extractor):
    facts = facts_of(extractor, "培训搬迁群众5,680人,全县转移就业搬迁劳动力约2.6万人。", datetime(2019, 6, 1))
    assert ("persons_trained", 5680, "actual") in facts
    assert not {f for f in facts if f[0].startswith("relocated")}


def test_garbage_after_a_figure_or_one_lost_full_stop_before_it_spoils_nothing(extractor):
    text = ("今年以来,全县整合涉农资金4.62亿元用于脱贫攻\ufffdᣬ\ufffd计发放扶\ufffd小\ufffd信\ufffd1.85亿元,"
            "惠及贫困户5,012户\ufffd今年以来全县还开展农民实用技术培训1.2万人。")
    assert find_mojibake(text)
    assert facts_of(extractor, text, datetime(2019, 6, 1)) == {("poverty_funds", 462000000, "actual"),
                                                             ("persons_trained", 12000, "actual")}


def test_a_span_up_to_now_is_the_year_written_or_in_a_review_of_last_year_that_year(extractor):
    text = "六年来,全县累计投入各类扶贫资金68.7亿元。截至5月底,全县累计发放扶贫小额信贷4.37亿元。"
    assert {(f.value, f.period_year) for f in extractor.extract(text, None, datetime(2020, 11, 25))} == {
        (6870000000, 2020), (437000000, 2020)}
    report = "五年来,我们坚持把脱贫攻坚作为头等大事,全市累计投入扶贫资金120亿元,累计减少贫困人口43.16万人。"
    assert [f.period_year for f in extractor.extract(report, "政府工作报告", datetime(2021, 2, 26))] == [2020, 2020]
    # outside a work report the span ends when it was written, but exits ended with the campaign in 2020
    assert [(f.indicator_code, f.period_year) for f in extractor.extract(report, None, datetime(2021, 2, 26))] == [
        ("poverty_funds", 2021), ("poverty_exit_persons", 2020)]


def test_a_programmes_name_is_no_plan(extractor):
    assert facts_of(extractor, "雨露计划培训贫困家庭劳动力两千一百人,推荐就业1,300余人。", datetime(2017, 11, 15)) >= {
        ("persons_trained", 2100, "actual")}


def test_the_years_task_of_lifting_people_out_is_a_target(extractor):
    assert facts_of(extractor, "县委书记表示,确保年底前完成全年8,300人脱贫任务。", datetime(2017, 11, 15)) == {
        ("poverty_exit_persons", 8300, "target")}


def test_households_watched_for_falling_back_were_not_lifted_out(extractor):
    assert facts_of(extractor, "全县对2380户脱贫不稳定户和边缘易致贫户开展动态监测。", datetime(2021, 3, 2)) == set()


def test_a_misspelled_autonomous_county_gives_no_region(extractor):
    city = extractor.gazetteer.get("451200")  # 河池市
    facts = extractor.extract("罗成仫佬族自治县实施易地扶贫搬迁4125户1.78万人。", None, datetime(2020, 6, 1), city)
    assert {(f.value, f.adcode) for f in facts} == {(4125, None), (17800, None)}
    facts = extractor.extract("罗城仫佬族自治县实施易地扶贫搬迁4125户1.78万人。", None, datetime(2020, 6, 1), city)
    assert {f.adcode for f in facts} == {"451225"}


def test_a_poverty_line_is_a_standard_and_a_loan_guarantee_fund_no_loans(extractor):
    text = "2018年脱贫标准线为贫困户人均纯收入3535元。县财政安排扶贫小额信贷风险补偿金1.2亿元。"
    assert facts_of(extractor, text, datetime(2019, 1, 10)) == set()


def test_completing_the_move_of_those_left_is_a_relocation_target(extractor):
    assert facts_of(extractor, "今年,将完成剩余284户1268人搬迁入住任务。", datetime(2019, 5, 1)) == {
        ("relocated_households", 284, "target"), ("relocated_persons", 1268, "target")}


def test_a_tables_year_column_dates_its_rows(extractor):
    body = ("近年来全县减贫情况如下:\n年份  脱贫户数(户)  脱贫人口(人)  年末贫困发生率(%)\n"
            "2015  5102  17280  11.02\n2016  5934  19016  7.62\n")
    facts = extractor.extract(body, "岳西县2017年脱贫攻坚工作总结", datetime(2018, 1, 22))
    assert {(f.indicator_code, f.value, f.period_year) for f in facts} == {
        ("poverty_exit_households", 5102, 2015), ("poverty_exit_persons", 17280, 2015),
        ("poverty_incidence_rate", 11.02, 2015), ("poverty_exit_households", 5934, 2016),
        ("poverty_exit_persons", 19016, 2016), ("poverty_incidence_rate", 7.62, 2016)}


def test_whole_villages_lifted_out_and_a_rate_brought_to_zero_in_words(extractor):
    assert facts_of(extractor, "126个贫困村实现整村脱贫,贫困发生率由2014年底的25.18%降至零。", datetime(2020, 12, 1)) == {
        ("poverty_villages_exited", 126, "actual"), ("poverty_incidence_rate", 25.18, "baseline"),
        ("poverty_incidence_rate", 0, "actual")}


def test_since_a_year_in_a_review_of_last_year_runs_to_that_year(extractor):
    text = "2019年,全县减贫3210户10560人。2014年以来,全县累计退出贫困村219个。2019年,退出贫困村41个。"
    facts = extractor.extract(text, "通江县扶贫开发领导小组2019年工作总结暨2020年工作要点", datetime(2020, 1, 9))
    assert {f.value: f.period_year for f in facts}[219] == 2019


def test_a_plan_that_says_which_counties_the_figure_counts_plans_nothing(extractor):
    assert facts_of(extractor, "2019年计划摘帽的5个贫困县(区)全部脱贫摘帽。", datetime(2020, 5, 1)) == {
        ("poverty_counties_exited", 5, "actual")}


def test_one_households_loan_is_an_anecdote(extractor):
    text = "中岗镇贫困户李某某在扶贫车间学会了柳编手艺,又申请扶贫小额信贷5万元发展养鸭。"
    assert facts_of(extractor, text, datetime(2019, 2, 26)) == set()


def test_a_hong_kong_papers_mainland_is_the_country_and_its_name_no_subject(extractor):
    nujiang = extractor.gazetteer.get("533300")
    text = ("香港文汇报讯(记者 何晓敏 昆明报道)国家主席习近平25日在北京宣布,到2020年底,内地现行标准下9,899万农村"
            "贫困人口全部脱贫,832个贫困县全部摘帽。")
    facts = extractor.extract(text, None, datetime(2021, 2, 26), nujiang)
    assert {(f.value, f.adcode) for f in facts} == {(98990000, "100000"), (832, "100000")}


def test_the_whole_prefecture_an_earlier_clause_opens_with_holds_for_the_sentence(extractor):
    county = extractor.gazetteer.get("522633")  # 从江县, on whose portal the story ran
    text = "记者从黔东南州扶贫办了解到,2014年以来,全州累计减少贫困人口112.6万人,贫困发生率由31.02%降至6.32%。"
    facts = extractor.extract(text, None, datetime(2019, 10, 12), county)
    assert {f.adcode for f in facts} == {"522600"}
    city = extractor.gazetteer.get("530600")  # 昭通市: 全省 inside a clause is a comparison
    facts = extractor.extract("“十三五”期间全市计划实施易地扶贫搬迁36.1万人,占全省近三分之一;2018年已完成搬迁3.26万户。",
                              None, datetime(2019, 1, 20), city)
    assert {f.adcode for f in facts} == {"530600"}


def test_what_remains_listed_with_counties_not_yet_lifted_out(extractor):
    assert facts_of(extractor, "目前,甘肃全省还剩下8个未摘帽贫困县、17.5万贫困人口。", datetime(2020, 3, 7)) == {
        ("remaining_poor_persons", 175000, "actual")}


def test_a_price_basis_year_does_not_date_a_figure(extractor):
    text = "按照每人每年2300元(2010年不变价)的现行农村贫困标准计算,551万农村贫困人口全部实现脱贫。"
    (fact,) = extractor.extract(text, "中华人民共和国2020年国民经济和社会发展统计公报", datetime(2021, 2, 28))
    assert (fact.value, fact.period_year) == (5510000, 2020)


def test_a_listed_county_whose_name_is_also_a_word_takes_its_figure(extractor):
    city = extractor.gazetteer.get("530600")  # 昭通市
    facts = extractor.extract("镇雄、彝良、威信三县分别减贫6.92万人、3.15万人、1.86万人。", None, datetime(2019, 1, 5), city)
    assert {f.value: f.adcode for f in facts} == {69200: "530627", 31500: "530628", 18600: "530629"}


def test_households_and_persons_a_change_starts_from_are_both_its_baseline(extractor):
    facts = extractor.extract("宁都县贫困人口由2017年底的1.8万户6.1万人减少到1.1万户3.5万人。", None, datetime(2019, 1, 5))
    assert {(f.value, f.qualifier, f.period_year) for f in facts} == {
        (18000, "baseline", 2017), (61000, "baseline", 2017), (11000, "actual", 2019), (35000, "actual", 2019)}


def test_one_years_part_of_a_total_is_that_years_fact(extractor):
    facts = extractor.extract("全县累计发放扶贫小额信贷2.85亿元,其中2017年新增发放9,630万元。", None, datetime(2018, 1, 10))
    assert {(f.value, f.period_year) for f in facts} == {(285000000, 2018), (96300000, 2017)}
    facts = extractor.extract("全年转移就业2.3万人,其中省外转移1.2万人。", None, datetime(2018, 1, 10))
    assert {f.value for f in facts} == {23000}  # a part that is no year's nor place's is a second wording


def test_a_places_households_and_persons_written_together_are_one_item_of_a_list(extractor):
    prefecture = extractor.gazetteer.get("522300")  # 黔西南州
    text = "望谟县、册亨县、晴隆县分别实现3215户13506人、2148户8327人、1936户7785人脱贫。"
    facts = extractor.extract(text, None, datetime(2020, 11, 24), prefecture)
    assert {(f.value, f.adcode) for f in facts} == {
        (3215, "522326"), (13506, "522326"), (2148, "522327"), (8327, "522327"), (1936, "522324"), (7785, "522324")}


def test_the_place_workers_went_to_is_not_whose_figure_it_is(extractor):
    county = extractor.gazetteer.get("520623")  # 石阡县
    (fact,) = extractor.extract("吴中区帮助石阡县贫困劳动力到江苏就业3268人。", None, datetime(2020, 9, 1), county)
    assert (fact.indicator_code, fact.value, fact.adcode) == ("labor_transferred", 3268, "520623")


def test_the_identified_poor_counted_so_far_are_registered(extractor):
    assert facts_of(extractor, "全县建档立卡贫困人口累计17632户36418人。", datetime(2018, 12, 1)) == {
        ("registered_poor_households", 17632, "actual"), ("registered_poor_persons", 36418, "actual")}


def test_a_qizhong_sentence_after_a_line_break_takes_the_year_of_the_sentence_before(extractor):
    text = "2018年,定西市减少贫困人口12.6万人。\n其中,通渭县、渭源县分别减贫2.43万人、1.86万人。"
    facts = extractor.extract(text, None, datetime(2019, 2, 20), extractor.gazetteer.get("621100"))
    assert {f.period_year for f in facts} == {2018}


def test_a_table_without_a_year_takes_the_year_of_the_lines_above_it(extractor):
    body = ("2019年,河池市全市减少贫困人口13.6万人。\n去年,全市共投入财政专项扶贫资金36.8亿元。\n各县(区)减贫情况见下表:\n"
            "县(区)\t减贫户数(户)\t减贫人数(人)\n都安县\t8216\t34520\n大化县\t6034\t25180\n")
    facts = extractor.extract(body, None, datetime(2020, 1, 10), extractor.gazetteer.get("451200"))
    assert {(f.value, f.adcode, f.period_year) for f in facts} >= {
        (8216, "451228", 2019), (34520, "451228", 2019), (6034, "451229", 2019), (25180, "451229", 2019)}


def test_zhici_is_the_time_just_named(extractor):
    text = ("去年4月,于都、兴国、宁都等县获省政府批准退出贫困县序列,至此,全市11个贫困县全部脱贫摘帽。\n"
            "一年来,全市减贫2.96万户10.2万人。")
    assert {f.period_year for f in extractor.extract(text, None, datetime(2020, 1, 9))} == {2019}


def test_the_identified_poor_counted_as_of_now_are_registered_not_remaining(extractor):
    text = "截至目前,全县共有建档立卡贫困户2.86万户、贫困人口9.13万人,贫困村188个。"
    assert facts_of(extractor, text, datetime(2016, 4, 15)) == {
        ("registered_poor_households", 28600, "actual"), ("registered_poor_persons", 91300, "actual")}


def test_households_moving_into_new_homes_are_not_a_count_of_the_registered(extractor):
    text = "84户建档立卡贫困户于今年5月全部搬进县城新居。"
    assert not {f for f in facts_of(extractor, text, datetime(2020, 7, 1)) if f[0].startswith("registered")}


def test_funds_to_be_pooled_are_a_target(extractor):
    assert facts_of(extractor, "会议明确,今年将整合各类资金3.6亿元投入脱贫攻坚。", datetime(2016, 4, 15)) == {
        ("poverty_funds", 360000000, "target")}


def test_an_infographics_labels_are_read_before_the_figures_they_head(extractor):
    county = extractor.gazetteer.get("640422")  # 西吉县
    body = ("减贫人口\n7960户\n32571人\n贫困发生率\n由12.69%下降到1.02%\n危房改造\n完成\n1126户\n"
            "确保剩余\n7654名贫困人口全部脱贫")
    facts = extractor.extract(body, "西吉县脱贫攻坚成绩单", datetime(2020, 1, 16), county)
    assert {(f.indicator_code, f.value, f.qualifier) for f in facts} >= {
        ("poverty_exit_households", 7960, "actual"), ("poverty_exit_persons", 32571, "actual"),
        ("poverty_incidence_rate", 12.69, "baseline"), ("poverty_incidence_rate", 1.02, "actual"),
        ("dilapidated_houses_renovated", 1126, "actual"), ("poverty_exit_persons", 7654, "target")}


def test_an_infographics_figures_show_the_labels_they_were_read_with(extractor):
    body = "👉贫困发生率\n截至目前,全县贫困发生率由29.06%降至0.45%\n👉累计脱贫\n6.58万户29.53万人\n危房改造\n完成\n1126户"
    evidence = {(f.indicator_code, f.value): f.evidence for f in extractor.extract(body, None, datetime(2020, 5, 18))}
    # a label after figures heads the figures below it, not those of the label above them
    assert evidence[("poverty_exit_households", 65800)] == "👉累计脱贫…6.58万户29.53万人"
    assert evidence[("dilapidated_houses_renovated", 1126)] == "危房改造…完成…1126户"


def test_a_figure_alone_on_its_line_is_read_with_the_label_line_below_it(extractor):
    city = extractor.gazetteer.get("360700")  # 赣州市, set u
    body = "【数据】1023个贫困村全部退出\n全市1023个“十三五”贫困村全部退出贫困序列。\n\n61.1万人\n全市累计减少贫困人口\n\n3.94万人"
    facts = extractor.extract(body, "数读赣州“十三五”脱贫攻坚成就", datetime(2021, 1, 8), city)
    assert {(f.indicator_code, f.value, f.evidence) for f in facts} == {
        ("poverty_villages_exited", 1023, "【数据】1023个贫困村全部退出"),
        ("poverty_exit_persons", 611000, "61.1万人…全市累计减少贫困人口")}


def test_a_label_before_a_colon_is_read_before_its_figures_and_a_place_label_is_their_region(extractor):
    city = extractor.gazetteer.get("360700")  # 赣州市
    body = "脱贫户数:4.42万户\n驻村工作队:209支\n● 于都县:累计脱贫2.28万户8.93万人"
    facts = extractor.extract(body, None, datetime(2021, 1, 8), city)
    assert {(f.indicator_code, f.value, f.adcode) for f in facts} == {
        ("poverty_exit_households", 44200, "360700"), ("village_work_teams", 209, "360700"),
        ("poverty_exit_households", 22800, "360731"), ("poverty_exit_persons", 89300, "360731")}


def test_an_undated_article_reports_on_the_year_it_opens_with(extractor):
    text = "本报讯 2018年,花垣县坚持以脱贫攻坚统揽经济社会发展全局。\n一是减贫成效明显。全年实现4162户16875人脱贫。"
    assert {f.period_year for f in extractor.extract(text)} == {2018}


def test_a_condition_and_a_village_under_its_townships_name_state_no_fact(extractor):
    assert facts_of(extractor, "问:怎样才算完成任务?答:一个乡镇如果组织转移就业500人以上,即可获得奖励。",
                    datetime(2019, 9, 1)) == set()
    assert facts_of(extractor, "七百弄乡弄勇村今年有45户贫困户脱贫。", datetime(2016, 12, 1)) == set()


def full_facts(extractor, text, published_at, region=None):
    return {(f.indicator_code, f.value, f.adcode, f.period_year, f.qualifier)
            for f in extractor.extract(text, None, published_at, region)}


def test_the_ends_of_a_change_dated_in_brackets_in_words_or_later_in_the_sentence(extractor):  # set aj
    city = extractor.gazetteer.get("451200")  # 河池市
    assert full_facts(extractor, "“十三五”以来,全市贫困发生率从23.86%(2015年底)一路降到1.12%(2019年底)。",
                      datetime(2020, 11, 22), city) == {
        ("poverty_incidence_rate", 23.86, "451200", 2015, "baseline"),
        ("poverty_incidence_rate", 1.12, "451200", 2019, "actual")}
    assert facts_of(extractor, "贫困发生率由百分之三十二点七降至二〇一九年底的百分之零点七五。", datetime(2021, 1, 5)) == {
        ("poverty_incidence_rate", 32.7, "baseline"), ("poverty_incidence_rate", 0.75, "actual")}
    assert facts_of(extractor, "全县贫困发生率从2014年的27.6%降到了现在的0.35%。", datetime(2020, 10, 1)) == {
        ("poverty_incidence_rate", 27.6, "baseline"), ("poverty_incidence_rate", 0.35, "actual")}
    text = "全区贫困发生率由2012年底的22.9%下降到2014年底的14.5%、2017年底的6%,2019年底降至0.47%。"
    assert {(f.value, f.period_year, f.qualifier) for f in extractor.extract(text, None, datetime(2020, 11, 20))} == {
        (22.9, 2012, "baseline"), (14.5, 2014, "actual"), (6, 2017, "actual"), (0.47, 2019, "actual")}


def test_a_changes_start_repeating_a_figure_stated_before_is_that_one_fact(extractor):  # set aj
    prefecture = extractor.gazetteer.get("533300")  # 怒江州
    text = ("2014年建档立卡之初,全州有贫困人口4.82万户16.93万人,贫困发生率高达56.24%。"
            "经过六年攻坚,全州贫困发生率从56.24%降至2019年底的10.09%。")
    rates = {f for f in full_facts(extractor, text, datetime(2020, 11, 16), prefecture) if f[0] == "poverty_incidence_rate"}
    assert rates == {("poverty_incidence_rate", 56.24, "533300", 2014, "baseline"),
                     ("poverty_incidence_rate", 10.09, "533300", 2019, "actual")}
    # a change with a time of its own is another statement (set c: 贫困发生率由2014年的13.8%…)
    text = "2014年建档立卡时,全市贫困发生率达13.8%。去年,贫困发生率由2014年的13.8%降至去年底的1.6%。"
    assert {(f.value, f.qualifier) for f in extractor.extract(text, None, datetime(2017, 3, 1))} == {
        (13.8, "actual"), (13.8, "baseline"), (1.6, "actual")}


def test_here_is_the_place_the_sentence_before_opens_with_not_always_an_anecdote(extractor):  # set aj
    province = extractor.gazetteer.get("520000")  # 贵州省
    text = "毕节是贵州脱贫攻坚的主战场。这里曾是“开发扶贫、生态建设”试验区,建档立卡以来累计减少贫困人口184.52万人。"
    assert full_facts(extractor, text, datetime(2020, 11, 25), province) == {
        ("poverty_exit_persons", 1845200, "520500", 2020, "actual")}
    assert facts_of(extractor, "走进兴国县埠头乡的一家扶贫车间。这里吸纳了46名贫困户就业。", datetime(2020, 6, 1)) == set()


def test_a_quote_speaking_as_its_county_is_the_county_of_the_speaker_named_after_it(extractor):  # set aj
    province = extractor.gazetteer.get("140000")  # 山西省
    text = "“2018年我们摘帽的时候,全县8235户20428名贫困群众全部脱贫。”在岢岚县宋家沟村,县委书记对记者回忆起当年的情景。"
    assert {f.adcode for f in extractor.extract(text, None, datetime(2021, 2, 26), province)} == {"140929"}
    prefecture = extractor.gazetteer.get("621100")  # 定西市
    text = "“我们已经制定了巩固提升计划,明年计划组织劳务输转5.5万人。”通渭县委主要负责同志表示。"
    assert full_facts(extractor, text, datetime(2020, 11, 26), prefecture) == {
        ("labor_transferred", 55000, "621121", 2021, "target")}
    # a speaker named before the quote: the figure is not that of a place named after it
    prefecture = extractor.gazetteer.get("610900")  # 安康市
    text = "市长在讲话中说:“七年来,我们累计减贫二十八万九千户八十八万三千人。”会上,汉阴县、平利县作典型发言。"
    assert {f.adcode for f in extractor.extract(text, None, datetime(2021, 1, 5), prefecture)} == {"610900"}


def test_a_span_up_to_now_written_in_january_ends_with_the_year_before(extractor):  # set aj
    assert {f.period_year for f in extractor.extract("七年间全市累计投入各类扶贫资金512.6亿元。", None,
                                                       datetime(2021, 1, 5))} == {2020}
    assert {f.period_year for f in extractor.extract("建档立卡以来累计减贫9.47万人。", None,
                                                       datetime(2020, 11, 26))} == {2020}


def test_a_group_of_counties_lies_in_a_region_with_as_many(extractor):  # set aj
    prefecture = extractor.gazetteer.get("621100")  # 定西市, seven counties
    text = "11月21日,省政府正式批复通渭县、岷县等8个县退出贫困县序列。"
    assert {f.adcode for f in extractor.extract(text, None, datetime(2020, 11, 26), prefecture)} == {"620000"}


def test_a_places_part_after_qizhong_baokuo_and_villages_exited_by_a_time(extractor):  # set aj
    province = extractor.gazetteer.get("530000")  # 云南省
    text = "至此,云南88个贫困县全部实现脱贫摘帽,其中包括怒江州的全部4个贫困县(市)。"
    assert {(f.value, f.adcode) for f in extractor.extract(text, None, datetime(2020, 11, 16), province)} == {
        (88, "530000"), (4, "533300")}
    assert facts_of(extractor, "全州1110个贫困村在2019年底前全部出列。", datetime(2020, 3, 1)) == {
        ("poverty_villages_exited", 1110, "actual")}


def test_an_ambiguous_county_name_is_read_in_the_light_of_the_articles_region(extractor):  # set ah
    province = extractor.gazetteer.get("620000")  # 甘肃省: its 东乡县 is 东乡族自治县, not 江西's
    text = "东乡县贫困发生率由2013年底的58.6%下降到去年底的11.2%。"
    assert {f.adcode for f in extractor.extract(text, None, datetime(2020, 1, 9), province)} == {"622926"}
    assert {f.adcode for f in extractor.extract(text, None, datetime(2020, 1, 9))} == {None}


def test_the_whole_county_is_the_county_an_earlier_clause_of_the_sentence_names(extractor):  # set ah
    county = extractor.gazetteer.get("451228")  # 都安瑶族自治县, the article's
    text = "截至目前,大化县累计发放扶贫小额信贷4.3亿元,惠及贫困户1.07万户;今年上半年,全县实现农村劳动力转移就业2.3万人。"
    assert {(f.indicator_code, f.adcode) for f in extractor.extract(text, None, datetime(2019, 8, 20), county)} == {
        ("poverty_microcredit", "451229"), ("labor_transferred", "451229")}
    # one name of a list is no sentence's county (set k)
    city = extractor.gazetteer.get("530300")  # 曲靖市
    text = "2019年,会泽、宣威、富源、师宗、罗平5个贫困县(市)顺利实现脱贫摘帽,全市贫困发生率由3.41%下降至0.49%。"
    assert {f.adcode for f in extractor.extract(text, None, datetime(2020, 1, 16), city)
            if f.indicator_code == "poverty_incidence_rate"} == {"530300"}


def test_a_place_the_sentence_takes_as_its_topic_is_its_subject(extractor):  # set ah
    prefecture = extractor.gazetteer.get("433100")  # 湘西州
    assert full_facts(extractor, "从湖南全省看,今年要实现110万农村贫困人口脱贫。", datetime(2016, 10, 17), prefecture) == {
        ("poverty_exit_persons", 1100000, "430000", 2016, "target")}


def test_a_rates_change_in_the_clause_after_it_and_lines_that_are_thresholds(extractor):  # sets ah, al
    assert facts_of(extractor, "阜平县的贫困发生率,从2012年底的54.37%下降到2017年底的6.1%。", datetime(2018, 1, 5)) == {
        ("poverty_incidence_rate", 54.37, "baseline"), ("poverty_incidence_rate", 6.1, "actual")}
    assert facts_of(extractor, "今年每一户脱贫户的人均纯收入都要稳稳越过4000元这条线。", datetime(2020, 11, 24)) == set()
    assert facts_of(extractor, "一些已脱贫户人均纯收入刚刚越过3300元的“门槛”。", datetime(2018, 2, 27)) == set()


def test_a_reporters_byline_is_no_anonymised_household_but_a_named_village_is(extractor):  # set ah
    province = extractor.gazetteer.get("650000")  # 新疆
    text = "新华社乌鲁木齐11月14日电(记者 某某)新疆维吾尔自治区人民政府14日宣布,伽师县、莎车县等10个深度贫困县退出贫困县序列。"
    assert {f.value for f in extractor.extract(text, None, datetime(2020, 11, 16), province)} == {10}
    assert facts_of(extractor, "这一天,被称为“悬崖村”的阿土列尔村84户贫困户搬进了县城的易地扶贫搬迁安置点。",
                    datetime(2020, 5, 15)) == set()


def test_a_report_early_in_a_year_that_opens_with_the_year_before_reviews_it_whatever_it_plans(extractor):  # set al
    text = ("2019年,在金寨县委、县政府的坚强领导下,我认真履行局长职责。现将一年来的履职情况报告如下:\n"
            "一、履职尽责\n(一)减贫任务高质量完成。全年实现1426户3358人脱贫,贫困发生率降至0.44%。\n"
            "五、2020年工作打算\n2020年是脱贫攻坚收官之年。我将确保剩余贫困人口全部脱贫。")
    assert {(f.value, f.period_year) for f in extractor.extract(text, None, datetime(2020, 1, 10))} == {
        (1426, 2019), (3358, 2019), (0.44, 2019)}


def test_a_sections_figures_take_the_time_its_first_sentence_opens_with(extractor):  # set al
    text = ("今天召开的全县脱贫攻坚推进大会,总结去年工作,安排部署今年任务。\n一、正视成绩,坚定打赢脱贫攻坚战的信心\n"
            "过去的一年,是我县脱贫攻坚压力最大、任务最重的一年。\n一是减贫成效明显。全县全年实现4126户13058人脱贫退出,"
            "贫困发生率由上年的17.6%下降到9.3%。\n二、明确任务,全力以赴打好今年攻坚战\n今年是脱贫攻坚三年行动的开局之年。"
            "全县的目标任务是:实现3850户11200人脱贫。")
    assert {(f.value, f.period_year, f.qualifier) for f in extractor.extract(text, None, datetime(2018, 2, 27))} == {
        (4126, 2017, "actual"), (13058, 2017, "actual"), (17.6, 2016, "baseline"), (9.3, 2017, "actual"),
        (3850, 2018, "target"), (11200, 2018, "target")}


def test_the_registered_poor_after_villages_with_a_bracketed_part_and_goals_and_budgets(extractor):  # set al
    assert facts_of(extractor, "2014年建档立卡时,全县有贫困村86个(其中深度贫困村28个),贫困人口2.31万户8.92万人。",
                    datetime(2019, 6, 1)) == {("registered_poor_households", 23100, "actual"),
                                              ("registered_poor_persons", 89200, "actual")}
    assert facts_of(extractor, "2018年,我将全力实现230户1010人脱贫的目标。", datetime(2018, 1, 20)) == {
        ("poverty_exit_households", 230, "target"), ("poverty_exit_persons", 1010, "target")}
    # a goal said reached is no plan
    assert facts_of(extractor, "2019年全县实现1.2万贫困人口脱贫的目标。", datetime(2019, 12, 20)) == {
        ("poverty_exit_persons", 12000, "actual")}
    assert facts_of(extractor, "今年县财政预算安排扶贫资金8000万元。", datetime(2016, 3, 1)) == {
        ("poverty_funds", 80000000, "target")}
    # a period the figure is measured against does not date it
    assert {f.period_year for f in extractor.extract("五年来,全县累计投入各类扶贫资金68.7亿元,是“十二五”时期的4倍多。",
                                                       None, datetime(2020, 12, 1))} == {2020}


def test_all_the_registered_poor_taken_in_by_a_programme_are_counted(extractor):  # sets x, ai
    assert facts_of(extractor, "截至2020年底,全县13.78万户57.03万名建档立卡人口已全部纳入防返贫动态监测。",
                    datetime(2021, 3, 1)) == {("registered_poor_households", 137800, "actual"),
                                              ("registered_poor_persons", 570300, "actual")}
    # some of them are no count of the registered (not_facts: 为2.3万名建档立卡贫困人口购买保险)
    assert facts_of(extractor, "为2.3万名建档立卡贫困人口购买保险。", datetime(2019, 6, 1)) == set()


def test_year_items_after_a_years_figure_take_its_indicator_and_the_rest_its_plan(extractor):  # set aa
    text = ("其中,2016年已完成搬迁1025户4521人;2017年实施1384户6109人,已全部完成主体建设;"
            "2018年剩余的698户3060人,计划于今年年底前全部搬迁入住。")
    assert {(f.indicator_code, f.value, f.period_year, f.qualifier)
            for f in extractor.extract(text, None, datetime(2018, 5, 1))} == {
        ("relocated_households", 1025, 2016, "actual"), ("relocated_persons", 4521, 2016, "actual"),
        ("relocated_households", 1384, 2017, "actual"), ("relocated_persons", 6109, 2017, "actual"),
        ("relocated_households", 698, 2018, "target"), ("relocated_persons", 3060, 2018, "target")}


def test_places_parts_of_the_poor_a_paragraph_says_have_all_exited(extractor):  # set ae, data only
    text = "今年以来,8县剩余贫困人口全部达到脱贫标准。其中,东乡县2.58万人,临夏县1.14万人,礼县1.32万人,岷县1.06万人。"
    province = extractor.gazetteer.get("620000")  # 甘肃省
    assert {(f.indicator_code, f.value, f.adcode) for f in extractor.extract(text, None, datetime(2020, 11, 21), province)} == {
        ("poverty_exit_persons", 25800, "622926"), ("poverty_exit_persons", 11400, "622921"),
        ("poverty_exit_persons", 13200, "621226"), ("poverty_exit_persons", 10600, "621126")}
    # parts of something else named in the paragraph are no exits
    text = "全县剩余贫困人口全部脱贫。今年共投入扶贫资金3亿元,其中,东乡县2580万元。"
    assert not {f for f in facts_of(extractor, text, datetime(2020, 11, 21)) if f[0].startswith("poverty_exit")}


def test_a_bare_count_takes_its_unit_over_bare_counts_before_it(extractor):
    assert facts_of(extractor, "全县有贫困村56个,2019年退出40个,剩余16个。", datetime(2019, 12, 20)) == {
        ("poverty_villages_exited", 40, "actual"), ("remaining_poor_villages", 16, "actual")}


def test_the_rate_a_fall_in_points_ends_at_and_a_yearly_average_that_counts_nobody(extractor):
    assert facts_of(extractor, "贫困发生率比上年下降2.1个百分点,降至3.2%。", datetime(2019, 12, 1)) == {
        ("poverty_incidence_rate", 3.2, "actual")}
    assert facts_of(extractor, "2016年至2019年,全县累计减贫2.3万人,年均减贫5750人。", datetime(2019, 12, 1)) == {
        ("poverty_exit_persons", 23000, "actual")}


def test_a_running_total_after_a_figure_takes_its_indicator_when_it_says_no_other_words(extractor):
    assert facts_of(extractor, "今年以来,全县新增转移就业贫困劳动力3260人,累计达1.8万人。", datetime(2019, 12, 1)) == {
        ("labor_transferred", 3260, "actual"), ("labor_transferred", 18000, "actual")}
    assert facts_of(extractor, "扶贫小额信贷今年新增发放1.36亿元,累计发放12.8亿元。", datetime(2020, 11, 1)) == {  # set a
        ("poverty_microcredit", 136000000, "actual"), ("poverty_microcredit", 1280000000, "actual")}
    # words of its own are another count's
    assert ("labor_transferred", 12000, "actual") not in facts_of(
        extractor, "全县转移就业3260人,累计培训1.2万人。", datetime(2019, 12, 1))


def test_farm_funds_pooled_in_either_word_order(extractor):
    assert facts_of(extractor, "2019年,全县整合统筹涉农资金3.2亿元,其中用于产业发展1.5亿元。", datetime(2019, 12, 1)) == {
        ("poverty_funds", 320000000, "actual")}


def test_jobs_the_county_helped_the_poor_into(extractor):
    assert facts_of(extractor, "帮助贫困劳动力就业2300余人。", datetime(2019, 12, 1)) == {("labor_transferred", 2300, "actual")}
