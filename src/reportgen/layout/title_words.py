"""Where a title may break between two ideographs: at a word edge, not inside a word.

Chinese has no spaces, and a title breaker that knows no words may split 文化|场馆. GB/T 9704
asks for titles set in balanced lines "保持词意完整", so the breaker weighs each break between
two ideographs: inside a known word is the worst place, between two known words the best, any
other place in between. The word list is short on purpose: the words of Chinese institutional
titles (document kinds, the work they report on, the bodies that issue them, seasons and time
spans); a break it does not know is merely not preferred. A user who wants other lines gives the
title as a list of lines.
"""

from __future__ import annotations

INSIDE_A_WORD = "inside"
BETWEEN_WORDS = "between"
UNKNOWN = "unknown"

_WORDS = frozenset("""
关于 做好 进一步 加强 推进 推动 开展 参与 深入 全面 切实 认真 组织 做好 落实 贯彻 印发 转发 公布
工作 总结 计划 方案 报告 通知 意见 办法 规定 细则 要点 安排 情况 通报 请示 批复 纪要 决定
实施 实施方案 工作方案 工作计划 工作总结 工作要点 征求意见稿 试行 暂行 修订
图书馆 文化馆 博物馆 美术馆 纪念馆 档案馆 科技馆 少年宫 文化站 文化宫 艺术馆 非遗馆 综合
文化 场馆 公共 服务 体系 建设 发展 管理 安全 生产 消防 应急 演练 检查 排查 整治 整改
全民 阅读 推广 活动 读者 借阅 馆藏 古籍 保护 修复 数字 数字化 信息化 智慧 平台 系统 资源
非物质 文化遗产 非遗 传承 群众 文艺 演出 展览 讲座 培训 志愿 志愿者 志愿服务 宣传 普及
开放 时间 调整 节日 春节 元旦 清明 劳动节 端午 中秋 国庆 期间 假期 暑期 寒假 暑假
年度 季度 上半年 下半年 春季 夏季 秋季 冬季 全年 年底 年初 第一 第二 第三 第四
党建 党风 廉政 政治 思想 理论 学习 教育 主题 专题 作风 纪律 监督 巡察 审计 考核 绩效
预算 决算 资金 项目 经费 采购 资产 财务 人事 人才 队伍 干部 职工 员工 单位 部门 机关
制度 机制 标准 规范 质量 效能 水平 能力 品牌 特色 创新 改革 提升 优化 完善 健全
会议 材料 讲话 发言 交流 座谈会 工作会议 动员 部署 表彰 先进 集体 个人 评选 申报
市 县 区 镇 乡 街道 社区 村 自治区 省 人民政府 委员会 办公室 文化广电 旅游 体育 局
柳州 柳州市 广西 南宁 桂林
文化场馆 公共文化 安全生产 消防安全 安全管理 全民阅读 阅读推广 读者服务 专项检查 专项整治
公共图书馆 实施意见 指导意见 群众艺术馆 艺术普及 全民艺术普及 文化广电 服务体系 高质量发展 数字文化
""".split())
"""Words and set phrases of institutional titles (a phrase such as 文化场馆 is listed so that
it is not split between its words). Places and bodies beyond these are simply not known."""

_LONGEST = max(map(len, _WORDS))


def break_kind(text: str, at: int) -> str:
    """What a break before text[at] does to the words around it (both neighbours are taken
    to be ideographs): splits a known word, falls between two known words, or neither."""
    for length in range(2, _LONGEST + 1):
        for start in range(max(0, at - length + 1), at):
            if start + length <= len(text) and text[start:start + length] in _WORDS:
                return INSIDE_A_WORD
    ends_word = any(text[at - n:at] in _WORDS for n in range(1, min(_LONGEST, at) + 1))
    starts_word = any(text[at:at + n] in _WORDS for n in range(1, _LONGEST + 1))
    return BETWEEN_WORDS if ends_word and starts_word else UNKNOWN
