// The lists a synthetic archive is drawn from. All of it can be replaced with
// `npm run synth -- --vocabulary FILE` (a JSON file with the same keys).

export interface Vocabulary {
  paper: string
  surnames: string[]
  givenChars: string[]
  /** Titles printed before a leader's name. */
  roles: string[]
  reporterRoles: string[]
  places: string[]
  companies: string[]
  /** topic → phrases that make a paragraph about it */
  topics: Record<string, string[]>
  verbs: string[]
  ads: string[][]
}

export const DEFAULT_VOCABULARY: Vocabulary = {
  paper: '示例日报',
  surnames: [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛'],
  givenChars: [...'建国伟强明华军平志勇春秋晓丽芳敏静海波涛鹏飞宇航文斌杰俊峰磊超洋红霞燕玲婷雪梅兰英慧颖欣佳晨阳光辉永康宁安泰和顺'],
  roles: ['市委书记', '市委副书记、市长', '市委副书记', '副市长', '市委常委、常务副市长', '市委常委、宣传部长', '市人大常委会主任', '市政协主席', '县委书记', '县长', '副县长'],
  reporterRoles: ['记者', '融媒记者', '融媒首席记者', '本报记者', '通讯员'],
  places: ['城东新区', '经济开发区', '南山镇', '北湖街道', '西溪村', '东山工业园', '江南街道', '花园村'],
  companies: ['星光科技', '东方机械有限公司', '宏达集团', '金泰工贸有限公司', '新源电器', '华宇股份'],
  topics: {
    疫情防控: ['疫情防控工作要落细落实', '落实核酸检测和隔离管控措施', '筑牢外防输入防线', '加强疫苗接种和健康码查验'],
    五金产业: ['推动传统产业转型升级', '打造先进制造业基地', '加快制造业数字化改造', '支持企业技改和未来工厂建设'],
    安全生产: ['压实安全生产责任', '开展安全生产大排查', '加强危险化学品和消防安全管理', '坚决遏制安全事故发生'],
    乡村振兴: ['全面推进乡村振兴', '建设美丽乡村', '发展现代农业和特色种植', '带动农民增收共富'],
    城市建设: ['加快城市更新步伐', '提升城市环境品质', '推进老旧小区改造和道路建设', '争创文明城市'],
    科技创新: ['深化科技创新', '加大科技投入', '建设科创平台', '推动科技成果转化'],
  },
  verbs: ['调研', '检查', '督导', '走访', '考察'],
  ads: [
    ['东山家居城', '开业大酬宾', '地址：东山路8号', '热线：0123-4567890'],
    ['掌上示例 客户端', '扫码下载客户端', '新闻热线：0123-7654321'],
    ['江景花园 二期', '品质人居 舒心生活', '售楼处：滨江路18号', '电话：0123-8888666'],
  ],
}
